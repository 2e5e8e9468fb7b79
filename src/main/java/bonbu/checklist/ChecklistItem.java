package bonbu.checklist;

import bonbu.shared.problem.DomainException;
import bonbu.shared.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;

/** One step of a checklist: pending, then done (with evidence where required) or skipped (with a reason). */
@Entity
@Table(name = "checklist_item")
class ChecklistItem extends PanacheEntityBase {

    @Embeddable
    record Id(
            @Column(name = "checklist_id") Long checklist,
            @Column(name = "position") Integer position) implements Serializable {}

    @EmbeddedId
    Id id;

    @Column(name = "text_ko", nullable = false)
    String textKo;

    @Column(name = "text_en")
    String textEn;

    String role;

    String team;

    @Column(nullable = false)
    int minutes;

    @Column(name = "evidence_required", nullable = false)
    boolean evidenceRequired;

    /** pending, done or skipped. */
    @Column(nullable = false)
    String status;

    @Column(name = "done_by")
    String doneBy;

    @Column(name = "done_at")
    Instant doneAt;

    String evidence;

    String reason;

    @Column(name = "task_id")
    Long taskId;

    @Version
    long version;

    void complete(String evidenceNote, String by, Instant at) {
        requirePending("complete");
        if (evidenceRequired && (evidenceNote == null || evidenceNote.isBlank())) {
            throw ProblemException.badRequest("evidence: step " + id.position()
                    + " needs evidence to be completed: say what was done and what showed it worked.");
        }
        status = "done";
        evidence = evidenceNote == null || evidenceNote.isBlank() ? null : evidenceNote.strip();
        doneBy = by;
        doneAt = at;
    }

    void skip(String why, String by, Instant at) {
        requirePending("skip");
        if (why == null || why.isBlank()) {
            throw ProblemException.badRequest("reason: say why step " + id.position() + " is skipped.");
        }
        status = "skipped";
        reason = why.strip();
        doneBy = by;
        doneAt = at;
    }

    private void requirePending(String verb) {
        if (!"pending".equals(status)) {
            throw new DomainException("Step " + id.position() + " is already " + status + " (by " + doneBy + " at "
                    + doneAt + "); it cannot " + verb + " again.");
        }
    }
}
