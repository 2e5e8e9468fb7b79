package bonbu.task;

import java.time.Instant;

/** A task as staff see it. {@code overdue}: open and past its due time. */
public record TaskView(
        long id,
        String incident,
        String title,
        String description,
        String assignee,
        String team,
        Priority priority,
        Instant dueAt,
        TaskStatus status,
        String reason,
        boolean overdue,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static TaskView of(Task t, Instant now) {
        return new TaskView(
                t.id,
                t.incidentNumber,
                t.title,
                t.description,
                t.assignee,
                t.team,
                t.priority,
                t.dueAt,
                t.status,
                t.reason,
                t.isOverdue(now),
                t.createdBy,
                t.createdAt,
                t.updatedAt,
                t.version);
    }
}
