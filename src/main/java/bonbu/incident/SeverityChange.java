package bonbu.incident;

import bonbu.incident.terms.Severity;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One step in an incident's severity history. */
@Entity
@Table(name = "incident_severity_change")
class SeverityChange extends PanacheEntityBase {

    /** How a severity came about. */
    enum How {
        DERIVED,
        DECLARED,
        RAISED,
        OVERRIDDEN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "incident_id", nullable = false)
    Long incidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    How how;

    @Column(nullable = false)
    String reason;

    @Column(nullable = false)
    String actor;

    @Column(nullable = false)
    Instant at;

    static SeverityChange record(
            Incident incident, Severity severity, How how, String reason, String actor, Instant at) {
        SeverityChange change = new SeverityChange();
        change.incidentId = incident.id;
        change.severity = severity;
        change.how = how;
        change.reason = reason;
        change.actor = actor;
        change.at = at;
        change.persist();
        return change;
    }

    static List<SeverityChange> of(Incident incident) {
        return list("incidentId = ?1 order by at, id", incident.id);
    }
}
