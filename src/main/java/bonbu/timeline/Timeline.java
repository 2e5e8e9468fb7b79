package bonbu.timeline;

import bonbu.shared.web.RequestOrigin;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The append-only log that every change writes to and every view reads from. */
@ApplicationScoped
public class Timeline {

    public static final String SYSTEM_ACTOR = "system";

    @Inject
    Clock clock;

    /**
     * Appends entries in the caller's transaction. Call it as the last step of a change: the
     * sequence counter it takes stays locked until commit, so pending entity changes are flushed
     * first (their row locks are always taken before the counter's, which rules out deadlocks).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<TimelineEvent> append(String actor, List<NewTimelineEntry> entries) {
        return append(actor, RequestOrigin.current(), entries);
    }

    /** As {@link #append(String, List)}, from a known client address (null: not from a request). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<TimelineEvent> append(String actor, String origin, List<NewTimelineEntry> entries) {
        Panache.getEntityManager().flush();
        Instant at = clock.instant();
        List<TimelineEvent> stored = new ArrayList<>(entries.size());
        for (NewTimelineEntry entry : entries) {
            TimelineEntry row = new TimelineEntry();
            row.at = at;
            row.actor = actor;
            row.origin = origin;
            row.type = entry.type();
            row.audience = entry.audience();
            row.incident = entry.incident();
            row.data = entry.data();
            row.persist();
            stored.add(row.toEvent());
        }
        return stored;
    }

    /** Entries after {@code since} in sequence order, at most {@code limit} of them. */
    public List<TimelineEvent> since(long since, int limit) {
        return since(since, limit, null);
    }

    /** Entries after {@code since} for one audience (null: all), in seq order, at most {@code limit}. */
    @Transactional
    public List<TimelineEvent> since(long since, int limit, Audience only) {
        var query = only == null
                ? TimelineEntry.<TimelineEntry>find("seq > ?1 order by seq", since)
                : TimelineEntry.<TimelineEntry>find("seq > ?1 and audience = ?2 order by seq", since, only);
        return query.page(0, limit).list().stream().map(TimelineEntry::toEvent).toList();
    }

    /** The newest entries of one incident, newest first. */
    public List<TimelineEvent> ofIncident(String incident, int limit) {
        return TimelineEntry.<TimelineEntry>find("incident = ?1 order by seq desc", incident)
                .page(0, limit)
                .list()
                .stream()
                .map(TimelineEntry::toEvent)
                .toList();
    }

    /** Every entry of one type at or after {@code from}, in seq order. */
    @Transactional
    public List<TimelineEvent> ofType(String type, java.time.Instant from) {
        return TimelineEntry.<TimelineEntry>find("type = ?1 and at >= ?2 order by seq", type, from).list().stream()
                .map(TimelineEntry::toEvent)
                .toList();
    }

    /** Every entry holding one kind of fact at or after {@code from}, in seq order. */
    @Transactional
    public List<TimelineEvent> ofType(Class<? extends Fact> fact, Instant from) {
        return ofType(Facts.typeOf(fact), from);
    }

    /** Entries holding one kind of fact about some incident, after {@code seq}, in seq order. */
    @Transactional
    public List<TimelineEvent> ofTypeAboutIncidents(Class<? extends Fact> fact, long seq) {
        return ofTypeAboutIncidents(Facts.typeOf(fact), seq);
    }

    /** Entries of one type about some incident, after {@code seq}, in seq order. */
    @Transactional
    public List<TimelineEvent> ofTypeAboutIncidents(String type, long seq) {
        return TimelineEntry.<TimelineEntry>find(
                        "type = ?1 and incident is not null and seq > ?2 order by seq", type, seq)
                .list()
                .stream()
                .map(TimelineEntry::toEvent)
                .toList();
    }

    /** An entry as recorded, with its link in the hash chain. */
    /** An entry as stored, with its link in the hash chain and where it came from (null: no request). */
    public record Recorded(TimelineEvent entry, String hash, String origin) {}

    /** Every entry of one incident, oldest first, with their hashes. */
    @Transactional
    public List<Recorded> recordOf(String incident) {
        return TimelineEntry.<TimelineEntry>find("incident = ?1 order by seq", incident).list().stream()
                .map(e -> new Recorded(e.toEvent(), e.hash, e.origin))
                .toList();
    }

    /** The highest committed sequence number. */
    @Transactional
    public long lastSeq() {
        Object value = Panache.getEntityManager()
                .createNativeQuery("SELECT last_seq FROM timeline_counter WHERE id = 1")
                .getSingleResult();
        return ((Number) value).longValue();
    }
}
