package bonbu.timeline.integrity;

import bonbu.timeline.TimelineCommitted;
import bonbu.timeline.TimelineEvent;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Signed checkpoints of the hash chain: every so often, and when an incident is resolved, the
 * newest entry's seq and hash are signed with a key that is not in the database and stored in
 * their own table (not as timeline entries: they start no delivery and no re-render). Someone who
 * rewrites an entry and recomputes the chain after it can make the chain consistent again, but
 * not the signed checkpoints after the entry: {@link #check} finds that.
 */
@ApplicationScoped
public class Checkpoints {

    /** What the signature of a checkpoint covers, UTF-8, with the checkpoint's fields filled in. */
    public static final String MESSAGE_FORMAT =
            "bonbu-checkpoint-v1\nseq={seq}\nhash={hash}\nat={at}\nprevious={previousSeq}\n";

    /** Serialises checkpoint writers across replicas (with the primary key on seq behind it). */
    static final long LOCK = 0x626f6e6275636bL; // "bonbuck"

    private static final String SCHEDULE = "schedule";
    private static final String RESOLUTION = "resolution";
    private static final Logger LOG = Logger.getLogger(Checkpoints.class);

    @Inject
    CheckpointKeys keys;

    @Inject
    CheckpointConfig config;

    @Inject
    Clock clock;

    @Inject
    Event<CheckpointTaken> taken;

    /**
     * The newest checkpoint this replica has taken or read: if the table later ends below it,
     * checkpoints were deleted behind the service's back.
     */
    private final AtomicLong newestSeen = new AtomicLong();

    /** The last {@link #published()} answer, and the newest seq it was read at. */
    private volatile PublishedAt lastPublished;

    private record PublishedAt(long newestSeq, Published published) {}

    /** Checkpoints whose signature was already found valid, by seq: the digest of what was verified. */
    private final Map<Long, String> verified = new ConcurrentHashMap<>();

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bonbu-checkpoints");
        t.setDaemon(true);
        return t;
    });

    /** A key whose checkpoints verify: {@code publicKey} is base64 X.509 (SubjectPublicKeyInfo). */
    public record Key(String id, String algorithm, String publicKey, String pem, boolean signing) {}

    /**
     * What is published as {@code checkpoints.json}: whether checkpoints are being signed
     * ({@code signing} or {@code absent}, with why), how to verify them, and the newest ones.
     */
    public record Published(
            String status,
            String absence,
            String algorithm,
            String message,
            List<Key> keys,
            List<CheckpointView> checkpoints) {}

    /** The bytes a checkpoint's signature covers (see {@link #MESSAGE_FORMAT}). */
    public static byte[] message(long seq, String hash, String at, long previousSeq) {
        return MESSAGE_FORMAT
                .replace("{seq}", Long.toString(seq))
                .replace("{hash}", hash)
                .replace("{at}", at)
                .replace("{previousSeq}", Long.toString(previousSeq))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Whether this service signs checkpoints (it has a usable key). */
    public boolean signing() {
        return keys.signing();
    }

    /** The public keys whose checkpoints this service trusts, the signing key's first. */
    public List<Key> publicKeys() {
        List<Key> out = new ArrayList<>();
        for (Map.Entry<String, PublicKey> k : keys.trusted().entrySet()) {
            byte[] der = k.getValue().getEncoded();
            out.add(new Key(
                    k.getKey(),
                    CheckpointKeys.ALGORITHM,
                    Base64.getEncoder().encodeToString(der),
                    CheckpointKeys.pem("PUBLIC KEY", der),
                    k.getKey().equals(keys.signingKeyId())));
        }
        return out;
    }

    /**
     * Signs the newest entry now, whatever the schedule; nothing when it is already checkpointed,
     * the log is empty or there is no key.
     */
    public Optional<CheckpointView> takeNow() {
        return take(SCHEDULE, null, 0, false);
    }

    /**
     * Signs the newest entry if the newest checkpoint is older than {@code every} and the log has
     * grown since. Run by every replica's scheduler; the lock lets one write.
     */
    public Optional<CheckpointView> takeIfDue() {
        return take(SCHEDULE, null, 0, true);
    }

    /** After an incident's resolution ({@code seq}) committed: sign the newest entry unless a checkpoint covers it. */
    Optional<CheckpointView> takeAfterResolution(long seq, String incident) {
        return take(RESOLUTION, incident, seq, false);
    }

    private Optional<CheckpointView> take(String reason, String incident, long cover, boolean onSchedule) {
        if (!keys.signing()) return Optional.empty();
        Optional<CheckpointView> made = QuarkusTransaction.requiringNew().call(() -> {
            var em = Panache.getEntityManager();
            em.createNativeQuery("SET LOCAL lock_timeout = '10s'").executeUpdate();
            em.createNativeQuery("SELECT pg_advisory_xact_lock(" + LOCK + ")").getSingleResult();
            @SuppressWarnings("unchecked")
            List<Object[]> head = em.createNativeQuery("SELECT seq, hash FROM timeline_entry ORDER BY seq DESC LIMIT 1")
                    .getResultList();
            if (head.isEmpty()) return Optional.<CheckpointView>empty();
            long seq = ((Number) head.get(0)[0]).longValue();
            String hash = (String) head.get(0)[1];
            Checkpoint last = Checkpoint.<Checkpoint>find("order by seq desc").firstResult();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            if (last != null) {
                // Already covered: the newest checkpoint includes the entry that asked for one.
                if (last.seq >= (cover > 0 ? Math.min(cover, seq) : seq)) return Optional.<CheckpointView>empty();
                if (onSchedule && last.at.plus(config.every()).isAfter(now)) return Optional.<CheckpointView>empty();
            }
            Checkpoint c = new Checkpoint();
            c.seq = seq;
            c.hash = hash;
            c.at = now;
            c.previousSeq = last == null ? 0 : last.seq;
            c.reason = reason;
            c.incident = incident;
            c.keyId = keys.signingKeyId();
            c.signature = keys.sign(message(seq, hash, now.toString(), c.previousSeq));
            c.persist();
            return Optional.of(c.toView());
        });
        made.ifPresent(c -> {
            newestSeen.accumulateAndGet(c.seq(), Math::max);
            taken.fire(new CheckpointTaken(c));
        });
        return made;
    }

    /** Takes a checkpoint after each resolution, off the listener's thread, on every replica (one writes). */
    void onCommitted(@Observes TimelineCommitted committed) {
        if (!config.onResolution() || !keys.signing()) return;
        for (TimelineEvent e : committed.entries()) {
            if ("incident.update_published".equals(e.type())
                    && e.data() != null
                    && "resolved".equals(String.valueOf(e.data().get("status")))) {
                long seq = e.seq();
                String incident = e.incident();
                try {
                    worker.execute(() -> {
                        try {
                            takeAfterResolution(seq, incident);
                        } catch (RuntimeException ex) {
                            LOG.warnf(
                                    "Could not take the checkpoint for the resolution of %s (%s); the next scheduled"
                                            + " one covers it",
                                    incident, ex.getMessage());
                        }
                    });
                } catch (RejectedExecutionException ex) {
                    return; // shutting down
                }
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    /**
     * The newest {@code config.published()} checkpoints, oldest first, with the keys:
     * {@code checkpoints.json}. Read again only when a newer checkpoint exists (checkpoints are
     * never changed), so the public snapshot's rebuilds cost one indexed read.
     */
    @Transactional
    public Published published() {
        Object newest = Panache.getEntityManager()
                .createNativeQuery("SELECT max(seq) FROM timeline_checkpoint")
                .getSingleResult();
        long newestSeq = newest == null ? 0 : ((Number) newest).longValue();
        PublishedAt cached = lastPublished;
        if (cached != null && cached.newestSeq() == newestSeq) return cached.published();
        List<Checkpoint> latest = Checkpoint.<Checkpoint>find("order by seq desc")
                .page(0, Math.max(0, config.published()))
                .list();
        List<CheckpointView> list = new ArrayList<>(latest.size());
        for (int i = latest.size() - 1; i >= 0; i--) list.add(latest.get(i).toView());
        newestSeen.accumulateAndGet(newestSeq, Math::max);
        Published published = new Published(
                keys.signing() ? "signing" : "absent",
                keys.absence(),
                CheckpointKeys.ALGORITHM,
                MESSAGE_FORMAT,
                publicKeys(),
                List.copyOf(list));
        lastPublished = new PublishedAt(newestSeq, published);
        return published;
    }

    /**
     * The checkpoints that cover entries {@code firstSeq} to {@code lastSeq} (an incident's): each
     * from the first at or after {@code firstSeq} up to the first at or after {@code lastSeq},
     * which pins them all. Empty when none was taken since {@code firstSeq}.
     */
    @Transactional
    public List<CheckpointView> covering(long firstSeq, long lastSeq) {
        Checkpoint pin =
                Checkpoint.<Checkpoint>find("seq >= ?1 order by seq", lastSeq).firstResult();
        long upTo = pin == null ? Long.MAX_VALUE : pin.seq;
        return Checkpoint.<Checkpoint>find("seq >= ?1 and seq <= ?2 order by seq", firstSeq, upTo).stream()
                .map(Checkpoint::toView)
                .toList();
    }

    /**
     * Checks the stored chain against every checkpoint: each must be signed by a trusted key,
     * follow the checkpoint it names as its predecessor, and match the stored hash at its seq.
     * Only checkpoints at or after {@code fromSeq} are counted and reported (an incident's
     * check); the first that disagrees is named.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    CheckpointCheck check(long fromSeq) {
        if (keys.trusted().isEmpty()) return new CheckpointCheck("ABSENT", 0, null, null, null);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT c.seq, c.hash, (extract(epoch FROM c.at) * 1000000)::bigint,"
                        + " c.previous_seq, c.key_id, c.signature, e.hash"
                        + " FROM timeline_checkpoint c LEFT JOIN timeline_entry e ON e.seq = c.seq ORDER BY c.seq")
                .getResultList();
        long previous = 0;
        long agrees = 0;
        int checked = 0;
        Long lastSeq = null;
        String lastAt = null;
        for (Object[] r : rows) {
            long seq = ((Number) r[0]).longValue();
            String hash = (String) r[1];
            long micros = ((Number) r[2]).longValue();
            String at = Instant.ofEpochSecond(
                            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L)
                    .toString();
            long previousSeq = ((Number) r[3]).longValue();
            String keyId = (String) r[4];
            String signature = (String) r[5];
            String stored = (String) r[6];
            String problem = problem(seq, hash, at, previousSeq, keyId, signature, stored, previous, agrees);
            if (seq >= fromSeq) {
                checked++;
                lastSeq = seq;
                lastAt = at;
                if (problem != null) {
                    return new CheckpointCheck(
                            "BROKEN",
                            checked,
                            seq,
                            at,
                            new CheckpointCheck.Disagreement(seq, at, keyId, hash, stored, agrees, problem));
                }
            }
            if (problem == null) agrees = seq;
            previous = seq;
        }
        long seen = newestSeen.accumulateAndGet(previous, Math::max);
        if (seen > previous && seen >= fromSeq) {
            String problem = "The checkpoint at seq " + seen + ", which this replica took or published, is missing"
                    + " from the database"
                    + (previous == 0 ? "" : " (the newest stored one is at seq " + previous + ")")
                    + ": checkpoints were deleted behind the service's back.";
            return new CheckpointCheck(
                    "BROKEN",
                    checked,
                    lastSeq,
                    lastAt,
                    new CheckpointCheck.Disagreement(seen, null, null, null, null, agrees, problem));
        }
        return new CheckpointCheck("OK", checked, lastSeq, lastAt, null);
    }

    /** Why a stored checkpoint does not hold, or null when it does. */
    private String problem(
            long seq,
            String hash,
            String at,
            long previousSeq,
            String keyId,
            String signature,
            String stored,
            long previous,
            long agrees) {
        String after = agrees == 0 ? "" : " after seq " + agrees + " (where the checkpoint before it still agrees)";
        if (!keys.trusted().containsKey(keyId)) {
            return "The checkpoint at seq " + seq + " is signed with key " + keyId + ", which this service does not"
                    + " trust: it was written into the database by someone else, or it is an earlier key of this"
                    + " service missing from BONBU_CHECKPOINTS_TRUSTED_KEYS.";
        }
        if (!validSignature(seq, hash, at, previousSeq, keyId, signature)) {
            return "The checkpoint at seq " + seq + " does not match its signature: it was changed in the database"
                    + " after it was signed.";
        }
        if (previousSeq != previous) {
            return "The checkpoint at seq " + seq + " was signed as following the one at seq " + previousSeq
                    + ", but the one stored before it is at seq " + previous + ": checkpoints were deleted from the"
                    + " database.";
        }
        if (stored == null) {
            return "Entry " + seq + ", which the checkpoint signed at " + at + " covers, is missing from the log.";
        }
        if (!stored.equals(hash)) {
            return "The stored chain's hash at seq " + seq + " is " + stored + ", but the checkpoint signed at " + at
                    + " says " + hash + ": an entry at or before seq " + seq + after + " was rewritten and the chain"
                    + " recomputed after it.";
        }
        return null;
    }

    private boolean validSignature(long seq, String hash, String at, long previousSeq, String keyId, String signature) {
        String digest = digest(seq + "\n" + hash + "\n" + at + "\n" + previousSeq + "\n" + keyId + "\n" + signature);
        if (digest.equals(verified.get(seq))) return true;
        boolean valid = keys.verify(keyId, message(seq, hash, at, previousSeq), signature);
        if (valid) verified.put(seq, digest);
        return valid;
    }

    private static String digest(String text) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
