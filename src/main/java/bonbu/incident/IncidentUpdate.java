package bonbu.incident;

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
            List<Map<String, String>> components,
            String author,
            Instant at) {
        IncidentUpdate update = new IncidentUpdate();
        update.incidentId = incident.id;
        update.status = status;
        update.bodyKo = message.ko();
        update.bodyEn = message.en();
        update.components = components;
        update.author = author;
        update.publishedAt = at;
        update.persist();
        return update;
    }

    LocalizedText body() {
        return new LocalizedText(bodyKo, bodyEn);
    }

    static List<IncidentUpdate> of(Incident incident) {
        return list("incidentId = ?1 order by publishedAt desc, id desc", incident.id);
    }
}
