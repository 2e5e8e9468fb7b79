package bonbu.statuspage;

import bonbu.shared.GracefulStop;
import bonbu.timeline.TimelineListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once this replica has a public site to serve and its timeline listener has caught up once.
 * It stays ready through a database outage on purpose: the database is shared, so every replica
 * loses it together, and taking them all out of rotation would take the public page down exactly
 * when citizens need its last snapshot. The database and the listener are reported under
 * wellness ({@code /q/health/well}) instead. A stopping replica is not ready.
 */
@Readiness
@ApplicationScoped
class PublicSiteReadiness implements HealthCheck {

    @Inject
    PublicSnapshot snapshot;

    @Inject
    TimelineListener listener;

    @Inject
    GracefulStop stop;

    @Override
    public HealthCheckResponse call() {
        Site site = snapshot.site();
        boolean serving = site != null && listener.lastDelivered() >= 0 && !stop.stopping();
        var response = HealthCheckResponse.named("Public site").status(serving).withData("stopping", stop.stopping());
        if (site != null) {
            response.withData("snapshotSeq", site.state().seq()).withData("stale", site.stale());
        }
        return response.build();
    }
}
