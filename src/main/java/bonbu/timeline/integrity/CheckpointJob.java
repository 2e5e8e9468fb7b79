package bonbu.timeline.integrity;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Takes the scheduled checkpoints: every replica looks, the one that gets the lock writes. */
@ApplicationScoped
class CheckpointJob {

    private static final Logger LOG = Logger.getLogger(CheckpointJob.class);

    @Inject
    Checkpoints checkpoints;

    @Scheduled(
            identity = "timeline-checkpoint",
            every = "${bonbu.checkpoints.check-every:60s}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            checkpoints.takeIfDue();
        } catch (RuntimeException e) {
            // Typically the database is unreachable; the next check tries again.
            LOG.warnf("Could not take a timeline checkpoint: %s", e.getMessage());
        }
    }
}
