package bonbu.timeline.integrity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One signed checkpoint of the hash chain, as stored; the database refuses updates and deletes. */
@Entity
@Immutable
@Table(name = "timeline_checkpoint")
class Checkpoint extends PanacheEntityBase {

    @Id
    Long seq;

    @Column(nullable = false)
    String hash;

    @Column(nullable = false)
    Instant at;

    @Column(name = "previous_seq", nullable = false)
    long previousSeq;

    @Column(nullable = false)
    String reason;

    String incident;

    @Column(name = "key_id", nullable = false)
    String keyId;

    @Column(nullable = false)
    String signature;

    CheckpointView toView() {
        return new CheckpointView(seq, hash, at.toString(), previousSeq, keyId, signature, reason, incident);
    }
}
