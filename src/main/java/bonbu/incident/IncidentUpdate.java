package bonbu.incident;

import bonbu.component.ComponentStatus;
import bonbu.incident.terms.IncidentStatus;
import bonbu.shared.LocalizedText;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A public message about an incident, as published. */
@Entity
@Table(name = "incident_update")
class IncidentUpdate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "incident_id", nullable = false)
    Long incidentId;

    @Column(nullable = false)
    IncidentStatus status;

    @Column(name = "body_ko", nullable = false)
    String bodyKo;

    @Column(name = "body_en")
    String bodyEn;

    /** The component statuses the update set: [{key, status}]. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    List<Map<String, String>> components;

    @Column(nullable = false)
    String author;

    @Column(name = "published_at", nullable = false)
    Instant publishedAt;

    static IncidentUpdate publish(
            Incident incident,
            IncidentStatus status,
            LocalizedText message,
            Map<String, ComponentStatus> components,
            String author,
            Instant at) {
        IncidentUpdate update = new IncidentUpdate();
        update.incidentId = incident.id;
        update.status = status;
        update.bodyKo = message.ko();
        update.bodyEn = message.en();
        update.components = components.entrySet().stream()
                .map(c -> Map.of("key", c.getKey(), "status", c.getValue().value()))
                .toList();
        update.author = author;
        update.publishedAt = at;
        update.persist();
        return update;
    }

    /** The component statuses the update set, as its facts carry them. */
    List<IncidentFact.ComponentSet> componentSets() {
        return components.stream()
                .map(m -> new IncidentFact.ComponentSet(m.get("key"), ComponentStatus.parse("status", m.get("status"))))
                .toList();
    }

    /** The update as the declaration's fact carries it. */
    IncidentFact.Update fact() {
        return new IncidentFact.Update(Math.toIntExact(id), status, body(), componentSets(), publishedAt);
    }

    /** The fact of this update's publication, which moved {@code number} from {@code previous}. */
    IncidentFact.UpdatePublished published(String number, IncidentStatus previous) {
        return new IncidentFact.UpdatePublished(
                Math.toIntExact(id), status, body(), componentSets(), publishedAt, number, previous);
    }

    LocalizedText body() {
        return new LocalizedText(bodyKo, bodyEn);
    }

    static List<IncidentUpdate> of(Incident incident) {
        return list("incidentId = ?1 order by publishedAt desc, id desc", incident.id);
    }
}
