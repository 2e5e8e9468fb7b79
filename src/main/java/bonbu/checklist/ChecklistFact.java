package bonbu.checklist;

import bonbu.timeline.Fact;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/** What happens to the checklists of an incident: staff entries. */
public sealed interface ChecklistFact extends Fact {

    long checklist();

    String runbook();

    /** A runbook instantiated on an incident: its version and how many steps it has. */
    @Fact.Type("checklist.created")
    record ChecklistCreated(long checklist, String runbook, String version, int steps) implements ChecklistFact {}

    /** A fact about one step, with the step as it stands afterwards. */
    sealed interface StepFact extends ChecklistFact {

        int step();

        String text();

        /** pending, done or skipped. */
        String status();
    }

    @Fact.Type("checklist.item_completed")
    record ItemCompleted(
            long checklist,
            String runbook,
            int step,
            String text,
            String status,
            @JsonInclude(Include.NON_NULL) String evidence,
            @JsonInclude(Include.NON_NULL) String reason,
            @JsonInclude(Include.NON_NULL) Long task)
            implements StepFact {}

    @Fact.Type("checklist.item_skipped")
    record ItemSkipped(
            long checklist,
            String runbook,
            int step,
            String text,
            String status,
            @JsonInclude(Include.NON_NULL) String evidence,
            @JsonInclude(Include.NON_NULL) String reason,
            @JsonInclude(Include.NON_NULL) Long task)
            implements StepFact {}

    /** A step turned into a task ({@code task}: its id). */
    @Fact.Type("checklist.item_tasked")
    record ItemTasked(
            long checklist,
            String runbook,
            int step,
            String text,
            String status,
            @JsonInclude(Include.NON_NULL) String evidence,
            @JsonInclude(Include.NON_NULL) String reason,
            @JsonInclude(Include.NON_NULL) Long task)
            implements StepFact {}
}
