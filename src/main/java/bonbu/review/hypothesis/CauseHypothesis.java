package bonbu.review.hypothesis;

import bonbu.shared.LocalizedText;
import bonbu.shared.Stage;
import bonbu.shared.problem.DomainException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/** A suspected cause of an incident; its state machine lives here. */
@Entity
@Table(name = "cause_hypothesis")
class CauseHypothesis extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "incident_number", nullable = false)
    String incidentNumber;

    @Column(name = "statement_ko", nullable = false)
    String statementKo;

    @Column(name = "statement_en")
    String statementEn;

    @Column(nullable = false)
    HypothesisStatus status;

    @Column(nullable = false)
    boolean published;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    LocalizedText statement() {
        return new LocalizedText(statementKo, statementEn);
    }

    static List<CauseHypothesis> of(String incident) {
        return list("incidentNumber = ?1 order by id", incident);
    }

    /**
     * Moves to {@code next}: a suspicion is confirmed or refuted; a confirmed cause may still be
     * refuted when the evidence turns (it is then no longer published). Nothing else.
     */
    void moveTo(HypothesisStatus next, Instant at) {
        try {
            Stage.check("Hypothesis " + id, status, next);
        } catch (DomainException refused) {
            throw new DomainException(refused.getMessage()
                    + switch (status) {
                        case REFUTED -> " A refuted hypothesis stays refuted: record a new one instead.";
                        case CONFIRMED -> " A confirmed cause can only be refuted.";
                        case SUSPECTED -> "";
                    });
        }
        status = next;
        if (next == HypothesisStatus.REFUTED) published = false;
        updatedAt = at;
    }

    void publish(Instant at) {
        if (status != HypothesisStatus.CONFIRMED) {
            throw new DomainException("Hypothesis " + id + " is " + status
                    + "; only a confirmed cause can be published. Confirm it first, with its evidence.");
        }
        if (published) throw new DomainException("Hypothesis " + id + " is already the published cause.");
        published = true;
        updatedAt = at;
    }
}
