package bonbu.timeline;

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
import java.util.Map;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One row of the append-only log. The database assigns {@code seq} on insert (in commit order,
 * without gaps) and refuses updates and deletes.
 */
@Entity
@Immutable
@Table(name = "timeline_entry")
class TimelineEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long seq;

    @Column(nullable = false)
    Instant at;

    String incident;

    @Column(nullable = false)
    String actor;

    @Column(nullable = false)
    String type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Audience audience;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    Map<String, Object> data;

    /** The client address a staff action came from; null for the system and the scheduler. */
    String origin;

    /** Set by the database on insert (the hash chain); never written from here. */
    @Column(insertable = false, updatable = false)
    String hash;

    TimelineEvent toEvent() {
        return new TimelineEvent(seq, at, incident, actor, type, audience, data);
    }
}
