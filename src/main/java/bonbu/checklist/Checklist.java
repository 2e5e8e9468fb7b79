package bonbu.checklist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A runbook instantiated on an incident, with a copy of the runbook it was made from. */
@Entity
@Table(name = "checklist")
class Checklist extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "incident_number", nullable = false)
    String incidentNumber;

    @Column(name = "runbook_id", nullable = false)
    String runbookId;

    @Column(name = "runbook_version", nullable = false)
    String runbookVersion;

    @Column(name = "title_ko", nullable = false)
    String titleKo;

    @Column(name = "title_en")
    String titleEn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    Map<String, Object> runbook;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
