package bonbu.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while this replica listens for timeline commits, so live clients get every change. */
@Readiness
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
