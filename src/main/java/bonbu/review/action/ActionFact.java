package bonbu.review.action;

import bonbu.timeline.Fact;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** What happened to follow-up actions, as the timeline keeps it (staff only). */
public sealed interface ActionFact extends Fact {

    /** A follow-up action was added to an incident's review. */
    @Fact.Type("action.created")
    record ActionCreated(
            long action,
            String title,
            String owner,
            LocalDate dueDate,
            ActionStatus status,
            @JsonInclude(JsonInclude.Include.NON_NULL) String note)
            implements ActionFact {}

    /** A follow-up action moved on; {@code note} is the latest one given, if any. */
    @Fact.Type("action.status_changed")
    record ActionStatusChanged(
            long action,
            String title,
            String owner,
            LocalDate dueDate,
            ActionStatus status,
            @JsonInclude(JsonInclude.Include.NON_NULL) String note)
            implements ActionFact {}
}
