package bonbu.live;

import bonbu.shared.GracefulStop;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Refuses new websocket connections (503) once this replica has begun to stop, so a client told
 * to reconnect does not land on the replica that just closed it; a load balancer that retries 503
 * on the next server (the nginx configuration in {@code docker/} does, for {@code /ws/})
 * sends it on at once.
 */
@ApplicationScoped
class StoppingUpgradeCheck implements HttpUpgradeCheck {

    @Inject
    GracefulStop stop;

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        return stop.stopping() ? CheckResult.rejectUpgrade(503) : CheckResult.permitUpgrade();
    }
}
