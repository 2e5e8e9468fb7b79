package bonbu.review.action;

import bonbu.shared.Stage;
import bonbu.shared.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** Something to do so that it does not happen again; tracked after the incident closes. */
@Entity
@Table(name = "follow_up_action")
class FollowUpAction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "incident_number", nullable = false)
    String incidentNumber;

    @Column(nullable = false)
    String title;

    @Column(nullable = false)
    String owner;

    @Column(name = "due_date", nullable = false)
    LocalDate dueDate;

    @Column(nullable = false)
    ActionStatus status;

    String note;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    /** Moves to {@code next} if the state machine allows it; cancelling needs a reason. */
    void moveTo(ActionStatus next, String why, Instant at) {
        Stage.check("Action " + id, status, next);
        if (next == ActionStatus.CANCELLED && (why == null || why.isBlank())) {
            throw ProblemException.badRequest("Say why the action is cancelled (note).");
        }
        status = next;
        if (why != null && !why.isBlank()) note = why.strip();
        updatedAt = at;
    }
}
