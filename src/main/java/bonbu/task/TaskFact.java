package bonbu.task;

import bonbu.timeline.Fact;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What happens to a task, each fact a snapshot of the task after it happened: the staff entries
 * of an incident's work.
 */
public sealed interface TaskFact extends Fact {

    long task();

    String title();

    String assignee();

    String team();

    Priority priority();

    TaskStatus status();

    Instant dueAt();

    String reason();

    @Fact.Type("task.created")
    record TaskCreated(
            long task,
            String title,
            String assignee,
            String team,
            Priority priority,
            TaskStatus status,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant dueAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reason)
            implements TaskFact {}

    @Fact.Type("task.claimed")
    record TaskClaimed(
            long task,
            String title,
            String assignee,
            String team,
            Priority priority,
            TaskStatus status,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant dueAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reason)
            implements TaskFact {}

    @Fact.Type("task.reassigned")
    record TaskReassigned(
            long task,
            String title,
            String assignee,
            String team,
            Priority priority,
            TaskStatus status,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant dueAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reason)
            implements TaskFact {}

    @Fact.Type("task.status_changed")
    record TaskStatusChanged(
            long task,
            String title,
            String assignee,
            String team,
            Priority priority,
            TaskStatus status,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant dueAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reason)
            implements TaskFact {}

    /** Flagged once per lapse of the due time, by the system. */
    @Fact.Type("task.overdue")
    record TaskOverdue(
            long task,
            String title,
            String assignee,
            String team,
            Priority priority,
            TaskStatus status,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant dueAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reason)
            implements TaskFact {}
}
