package bonbu.timeline;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether this replica listens for timeline commits. While it does not, its live clients get new
 * entries late (it catches up by reading on reconnect), so this is wellness, not readiness.
 */
@Wellness
@ApplicationScoped
class TimelineListenerHealth implements HealthCheck {

    @Inject
    TimelineListener listener;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Timeline listener")
                .status(listener.connected())
                .withData("lastDeliveredSeq", listener.lastDelivered())
                .build();
    }
}
