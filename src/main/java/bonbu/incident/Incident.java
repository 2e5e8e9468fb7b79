package bonbu.incident;

import bonbu.shared.LocalizedText;
import bonbu.shared.problem.DomainException;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** An incident and its lifecycle; the state machine lives here. */
@Entity
@Table(name = "incident")
class Incident extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, unique = true)
    String number;

    @Column(name = "title_ko", nullable = false)
    String titleKo;

    @Column(name = "title_en")
    String titleEn;

    @Column(nullable = false)
    IncidentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Severity severity;

    @Column(name = "detected_at", nullable = false)
    Instant detectedAt;

    @Column(name = "declared_at", nullable = false)
    Instant declaredAt;

    @Column(name = "identified_at")
    Instant identifiedAt;

    @Column(name = "mitigated_at")
    Instant mitigatedAt;

    @Column(name = "resolved_at")
    Instant resolvedAt;

    @Column(name = "declared_by", nullable = false)
    String declaredBy;

    @Column(name = "last_update_at", nullable = false)
    Instant lastUpdateAt;

    @Column(name = "cadence_flagged_at")
    Instant cadenceFlaggedAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    static Optional<Incident> findByNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    static List<Incident> active() {
        return list("status <> ?1 order by declaredAt", IncidentStatus.RESOLVED);
    }

    LocalizedText title() {
        return new LocalizedText(titleKo, titleEn);
    }

    boolean isActive() {
        return status != IncidentStatus.RESOLVED;
    }

    /**
     * Moves the incident forward (or keeps it where it is, for another update) and records the
     * key times the first time each stage is reached. Going back is refused: reopen instead.
     */
    IncidentStatus moveTo(IncidentStatus next, Instant at) {
        IncidentStatus previous = status;
        if (previous == IncidentStatus.RESOLVED) {
            throw new DomainException(number + " is resolved. Reopen it (POST /api/incidents/" + number
                    + "/reopen with a reason) before publishing further updates.");
        }
        if (next.ordinal() < previous.ordinal()) {
            String allowed = Arrays.stream(IncidentStatus.values())
                    .filter(s -> s.ordinal() >= previous.ordinal())
                    .map(IncidentStatus::value)
                    .collect(Collectors.joining(", "));
            throw new DomainException(
                    number + " is " + previous + "; it cannot go back to " + next + ". Allowed now: " + allowed + ".");
        }
        status = next;
        if (next.ordinal() >= IncidentStatus.IDENTIFIED.ordinal() && identifiedAt == null) identifiedAt = at;
        if (next.ordinal() >= IncidentStatus.MONITORING.ordinal() && mitigatedAt == null) mitigatedAt = at;
        if (next == IncidentStatus.RESOLVED) resolvedAt = at;
        updatedAt = at;
        return previous;
    }

    /** Reopens a resolved incident: it is investigated again. */
    void reopen(Instant at) {
        if (status != IncidentStatus.RESOLVED) {
            throw new DomainException(number + " is " + status + ", not resolved, so there is nothing to reopen.");
        }
        status = IncidentStatus.INVESTIGATING;
        resolvedAt = null;
        lastUpdateAt = at;
        cadenceFlaggedAt = null;
        updatedAt = at;
    }

    void published(Instant at) {
        lastUpdateAt = at;
        cadenceFlaggedAt = null;
        updatedAt = at;
    }

    void changeSeverity(Severity next, Instant at) {
        severity = next;
        updatedAt = at;
    }

    void touched(Instant at) {
        updatedAt = at;
    }
}
