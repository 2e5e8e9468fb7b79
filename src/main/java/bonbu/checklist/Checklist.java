package bonbu.checklist;

import bonbu.shared.LocalizedText;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
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
    RunbookCopy runbook;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    /** The runbook as it was when the checklist was made ({@code kinds} and {@code role} by name). */
    record RunbookCopy(
            String id,
            String version,
            String file,
            LocalizedText title,
            List<String> components,
            List<String> kinds,
            List<StepCopy> steps)
            implements Serializable {

        static RunbookCopy of(Runbook r) {
            return new RunbookCopy(
                    r.id(),
                    r.version(),
                    r.file(),
                    r.title(),
                    List.copyOf(r.components()),
                    r.kinds().stream().map(Enum::name).toList(),
                    r.steps().stream()
                            .map(s -> new StepCopy(
                                    s.text(),
                                    s.role() == null ? null : s.role().name(),
                                    s.team(),
                                    s.minutes(),
                                    s.evidence()))
                            .toList());
        }
    }

    record StepCopy(LocalizedText text, String role, String team, int minutes, boolean evidence)
            implements Serializable {}
}
