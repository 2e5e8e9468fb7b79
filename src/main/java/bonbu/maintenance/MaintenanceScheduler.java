package bonbu.maintenance;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Starts and completes maintenance windows on time. */
@ApplicationScoped
class MaintenanceScheduler {

    private static final Logger LOG = Logger.getLogger(MaintenanceScheduler.class);

    @Inject
    MaintenanceService service;

    @Scheduled(
            identity = "maintenance-check",
            every = "${bonbu.maintenance.check-every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            service.advance();
        } catch (RuntimeException e) {
            // Typically the database is unreachable; the next check tries again.
            LOG.warnf("Could not check maintenance windows: %s", e.getMessage());
        }
    }
}
