package bonbu.incident;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Flags active incidents whose public updates are overdue for their severity. */
@ApplicationScoped
class UpdateCadenceJob {

    @Inject
    IncidentService incidents;

    @Scheduled(
            every = "${bonbu.incident.cadence-check-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        incidents.flagOverdueUpdates();
    }
}
