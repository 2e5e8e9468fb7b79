package bonbu.task;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Flags tasks that are past their due time, once per lapse, on every replica's schedule. */
@ApplicationScoped
class TaskOverdueJob {

    @Inject
    TaskService tasks;

    @Scheduled(
            every = "${bonbu.task.overdue-check-every:30s}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        tasks.flagOverdue();
    }
}
