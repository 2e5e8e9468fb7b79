package bonbu.review.hypothesis;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** One kept version of a hypothesis: what was claimed, on what evidence, by whom and when. */
@Entity
@Table(name = "cause_hypothesis_version")
class HypothesisVersion extends PanacheEntityBase {

    @Embeddable
    record Id(
            @Column(name = "hypothesis_id") Long hypothesisId,
            @Column(name = "version") Integer version) implements Serializable {}

    @EmbeddedId
    Id id;

    @Column(nullable = false)
    HypothesisStatus status;

    @Column(name = "statement_ko", nullable = false)
    String statementKo;

    @Column(name = "statement_en")
    String statementEn;

    @Column(nullable = false)
    String evidence;

    @Column(nullable = false)
    String author;

    @Column(nullable = false)
    Instant at;

    static List<HypothesisVersion> of(Long hypothesis) {
        return list("id.hypothesisId = ?1 order by id.version", hypothesis);
    }
}
