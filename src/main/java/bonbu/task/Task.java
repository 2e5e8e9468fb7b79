package bonbu.task;

import bonbu.shared.Stage;
import bonbu.shared.problem.DomainException;
import bonbu.shared.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A piece of work on an incident; its state machine lives here. */
@Entity
@Table(name = "task")
class Task extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "incident_number", nullable = false)
    String incidentNumber;

    @Column(nullable = false)
    String title;

    String description;

    String assignee;

    @Column(name = "team_key")
    String team;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Priority priority;

    @Column(name = "due_at")
    Instant dueAt;

    @Column(nullable = false)
    TaskStatus status;

    String reason;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "overdue_flagged_at")
    Instant overdueFlaggedAt;

    @Version
    long version;

    void moveTo(TaskStatus next, String why, Instant at) {
        Stage.check("Task " + id, status, next);
        if (next.needsReason() && (why == null || why.isBlank())) {
            throw ProblemException.badRequest("reason: say why the task is " + next + ".");
        }
        status = next;
        reason = next.needsReason() ? why.strip() : null;
        updatedAt = at;
    }

    /** Someone takes the task for themselves. */
    void claim(String member, Instant at) {
        if (!status.isOpen())
            throw new DomainException("Task " + id + " is " + status + "; there is nothing to claim.");
        assignee = member;
        updatedAt = at;
    }

    void assign(String member, String teamKey, Instant at) {
        if (!status.isOpen()) throw new DomainException("Task " + id + " is " + status + "; it cannot be reassigned.");
        assignee = member;
        team = teamKey;
        updatedAt = at;
    }

    boolean isOverdue(Instant now) {
        return status.isOpen() && dueAt != null && dueAt.isBefore(now);
    }
}
