package bonbu.timeline.integrity;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Recomputes the timeline's hash chain in PostgreSQL with the same function the insert trigger
 * uses ({@code timeline_entry_link}), for the whole log or one incident's entries, and checks it
 * against the signed checkpoints: a chain rewritten and recomputed from some entry on is
 * consistent in itself, but no longer matches the checkpoints taken after that entry.
 */
@ApplicationScoped
public class ChainVerifier {

    static final String GENESIS = "0".repeat(64);

    @Inject
    Clock clock;

    @Inject
    Checkpoints checkpoints;

    @Transactional
    public ChainCheck all() {
        var em = Panache.getEntityManager();
        Object[] broken = first(em.createNativeQuery("WITH chain AS (SELECT seq, hash,"
                        + " lag(seq, 1, 0::bigint) OVER w AS prev_seq,"
                        + " timeline_entry_link(lag(hash, 1, '" + GENESIS + "') OVER w, seq, at, incident, actor, type,"
                        + " audience, data, origin) AS expected FROM timeline_entry WINDOW w AS (ORDER BY seq))"
                        + " SELECT seq, CASE WHEN seq <> prev_seq + 1 THEN 'missing' ELSE 'altered' END"
                        + " FROM chain WHERE seq <> prev_seq + 1 OR hash <> expected ORDER BY seq LIMIT 1")
                .getResultList());
        Object[] last = (Object[]) em.createNativeQuery("SELECT (SELECT count(*) FROM timeline_entry),"
                        + " (SELECT seq FROM timeline_entry ORDER BY seq DESC LIMIT 1),"
                        + " (SELECT hash FROM timeline_entry ORDER BY seq DESC LIMIT 1),"
                        + " last_seq, last_hash FROM timeline_counter WHERE id = 1")
                .getSingleResult();
        long count = ((Number) last[0]).longValue();
        Long lastSeq = last[1] == null ? null : ((Number) last[1]).longValue();
        String lastHash = (String) last[2];
        long counterSeq = ((Number) last[3]).longValue();
        CheckpointCheck anchored = checkpoints.check(0);
        if (broken != null) {
            long seq = ((Number) broken[0]).longValue();
            return brokenAt("all", count, lastSeq, lastHash, seq, problem((String) broken[1], seq), anchored);
        }
        if (lastSeq == null ? counterSeq != 0 : counterSeq != lastSeq || !last[4].equals(lastHash)) {
            long seq = (lastSeq == null ? 0 : lastSeq) + 1;
            return brokenAt("all", count, lastSeq, lastHash, seq, problem("missing", seq), anchored);
        }
        return result("all", count, lastSeq, lastHash, anchored);
    }

    /** Checks each of an incident's entries against its stored predecessor in the global chain. */
    @Transactional
    public ChainCheck incident(String number) {
        var em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT e.seq, e.hash,"
                        + " CASE WHEN e.seq = 1 THEN '" + GENESIS + "' ELSE p.hash END AS prev,"
                        + " timeline_entry_link(CASE WHEN e.seq = 1 THEN '" + GENESIS + "' ELSE p.hash END,"
                        + " e.seq, e.at, e.incident, e.actor, e.type, e.audience, e.data, e.origin) AS expected"
                        + " FROM timeline_entry e LEFT JOIN timeline_entry p ON p.seq = e.seq - 1"
                        + " WHERE e.incident = ?1 ORDER BY e.seq")
                .setParameter(1, number)
                .getResultList();
        Long lastSeq = null;
        String lastHash = null;
        // The checkpoints from the incident's first entry on: each pins every entry before it.
        CheckpointCheck anchored =
                checkpoints.check(rows.isEmpty() ? Long.MAX_VALUE : ((Number) rows.get(0)[0]).longValue());
        for (Object[] r : rows) {
            long seq = ((Number) r[0]).longValue();
            if (r[2] == null) {
                return brokenAt(number, rows.size(), null, null, seq - 1, problem("missing", seq - 1), anchored);
            }
            if (!r[1].equals(r[3])) {
                return brokenAt(number, rows.size(), null, null, seq, problem("altered", seq), anchored);
            }
            lastSeq = seq;
            lastHash = (String) r[1];
        }
        return result(number, rows.size(), lastSeq, lastHash, anchored);
    }

    /** A chain that is consistent in itself: OK, unless a checkpoint disagrees with it. */
    private ChainCheck result(String scope, long count, Long lastSeq, String lastHash, CheckpointCheck anchored) {
        if (!anchored.ok()) {
            return new ChainCheck(
                    scope,
                    "BROKEN",
                    count,
                    lastSeq,
                    lastHash,
                    null,
                    anchored.disagreeing().problem(),
                    anchored,
                    clock.instant());
        }
        return new ChainCheck(scope, "OK", count, lastSeq, lastHash, null, null, anchored, clock.instant());
    }

    private ChainCheck brokenAt(
            String scope,
            long count,
            Long lastSeq,
            String lastHash,
            long seq,
            String problem,
            CheckpointCheck anchored) {
        return new ChainCheck(scope, "BROKEN", count, lastSeq, lastHash, seq, problem, anchored, clock.instant());
    }

    private static String problem(String kind, long seq) {
        return "missing".equals(kind)
                ? "Entry " + seq + " is missing: the log has a gap there."
                : "Entry " + seq + " does not match its hash: it, or the hash of the entry before it, was changed"
                        + " after it was written.";
    }

    private static Object[] first(List<?> rows) {
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }
}
