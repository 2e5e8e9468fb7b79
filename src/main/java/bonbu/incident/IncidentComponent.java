package bonbu.incident;

import bonbu.incident.terms.IncidentStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A component an incident affects directly. */
@Entity
@Table(name = "incident_component")
class IncidentComponent extends PanacheEntityBase {

    @Embeddable
    record Id(
            @Column(name = "incident_id") Long incidentId,
            @Column(name = "component_key") String componentKey) implements Serializable {}

    @EmbeddedId
    Id id;

    @Column(name = "added_at", nullable = false)
    Instant addedAt;

    static void add(Incident incident, String key, Instant at) {
        IncidentComponent c = new IncidentComponent();
        c.id = new Id(incident.id, key);
        c.addedAt = at;
        c.persist();
    }

    static List<String> keysOf(Incident incident) {
        return IncidentComponent.<IncidentComponent>list("id.incidentId = ?1 order by addedAt", incident.id).stream()
                .map(c -> c.id.componentKey())
                .toList();
    }

    /** Whether another active incident also affects this component directly. */
    static boolean heldByAnotherActive(String key, Incident incident) {
        return count(
                        "select count(c) from IncidentComponent c, Incident i where c.id.incidentId = i.id"
                                + " and c.id.componentKey = ?1 and i.id <> ?2 and i.status <> ?3",
                        key,
                        incident.id,
                        IncidentStatus.RESOLVED)
                > 0;
    }
}
