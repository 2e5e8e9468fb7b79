package bonbu.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The written part of a post-incident review: what happened, its impact, and why. */
@Entity
@Table(name = "incident_review")
class IncidentReview extends PanacheEntityBase {

    @Id
    @Column(name = "incident_number")
    String incidentNumber;

    @Column(nullable = false)
    String summary = "";

    @Column(nullable = false)
    String impact = "";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "contributing_factors", nullable = false, columnDefinition = "jsonb")
    List<String> contributingFactors = new ArrayList<>();

    /** Timeline entries (seq) the review calls out; empty means the public entries. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    List<Long> highlights = new ArrayList<>();

    @Column(name = "updated_by", nullable = false)
    String updatedBy;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;
}
