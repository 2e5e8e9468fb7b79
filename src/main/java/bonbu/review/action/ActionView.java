package bonbu.review.action;

import java.time.Instant;
import java.time.LocalDate;

/** A follow-up action as the API and the review show it. */
public record ActionView(
        long id,
        String incident,
        String title,
        String owner,
        LocalDate dueDate,
        ActionStatus status,
        String note,
        boolean overdue,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static ActionView of(FollowUpAction a, LocalDate today) {
        return new ActionView(
                a.id,
                a.incidentNumber,
                a.title,
                a.owner,
                a.dueDate,
                a.status,
                a.note,
                a.status.isOpen() && a.dueDate.isBefore(today),
                a.createdBy,
                a.createdAt,
                a.updatedAt,
                a.version);
    }
}
