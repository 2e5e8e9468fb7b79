package bonbu.incident;

import bonbu.incident.terms.LinkKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** "from is a recurrence of / related to to"; shown on both incidents. */
@Entity
@Table(name = "incident_link")
class IncidentLink extends PanacheEntityBase {

    @Embeddable
    record Id(
            @Column(name = "from_incident_id") Long fromId,
            @Column(name = "to_incident_id") Long toId) implements Serializable {}

    @EmbeddedId
    Id id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    LinkKind kind;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    static IncidentLink of(Incident from, Incident to, LinkKind kind, String by, Instant at) {
        IncidentLink link = new IncidentLink();
        link.id = new Id(from.id, to.id);
        link.kind = kind;
        link.createdBy = by;
        link.createdAt = at;
        return link;
    }

    static List<IncidentLink> touching(Incident incident) {
        return list("id.fromId = ?1 or id.toId = ?1 order by createdAt", incident.id);
    }

    static boolean exists(Incident a, Incident b) {
        return count("(id.fromId = ?1 and id.toId = ?2) or (id.fromId = ?2 and id.toId = ?1)", a.id, b.id) > 0;
    }
}
