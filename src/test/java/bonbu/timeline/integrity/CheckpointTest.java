package bonbu.timeline.integrity;

import static bonbu.support.Api.as;
import static bonbu.support.Api.createComponent;
import static bonbu.support.Api.uniqueKey;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.shared.embedded.EmbeddedDatabase;
import bonbu.support.TestClock;
import bonbu.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Signed checkpoints anchor the hash chain outside the database: a superuser who rewrites an
 * entry and recomputes every link after it gets a consistent chain, which only a checkpoint taken
 * after that entry gives away.
 */
@QuarkusTest
class CheckpointTest {

    @Inject
    Checkpoints checkpoints;

    /** A connection as the database superuser: what an intruder with the highest rights has. */
    private static Connection superuser() throws SQLException {
        return DriverManager.getConnection(
                TestDatabase.db().jdbcUrl(),
                EmbeddedDatabase.USER,
                TestDatabase.db().password());
    }

    /**
     * Sets an entry's data as an intruder would: the append-only trigger off, then every hash from
     * that entry on recomputed with the database's own link function, and the counter's last
     * hash too, so the chain is consistent again. The same call with the original data puts
     * everything back exactly.
     */
    private static void rewrite(Connection c, long seq, String dataExpression) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SELECT last_seq FROM timeline_counter WHERE id = 1 FOR UPDATE");
            s.execute("ALTER TABLE timeline_entry DISABLE TRIGGER timeline_entry_no_update");
            s.executeUpdate("UPDATE timeline_entry SET data = " + dataExpression + " WHERE seq = " + seq);
            s.execute("DO $$ DECLARE r record; prev text := (SELECT hash FROM timeline_entry WHERE seq = " + (seq - 1)
                    + "); BEGIN"
                    + " FOR r IN SELECT * FROM timeline_entry WHERE seq >= " + seq + " ORDER BY seq LOOP"
                    + " prev := timeline_entry_link(prev, r.seq, r.at, r.incident, r.actor, r.type, r.audience,"
                    + " r.data, r.origin);"
                    + " UPDATE timeline_entry SET hash = prev WHERE seq = r.seq;"
                    + " END LOOP;"
                    + " UPDATE timeline_counter SET last_hash = prev WHERE id = 1;"
                    + " END $$");
            s.execute("ALTER TABLE timeline_entry ENABLE TRIGGER timeline_entry_no_update");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Keeps the service from taking checkpoints while the log is rewritten (session-level advisory lock). */
    private static void holdCheckpointLock(Connection c, boolean hold) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute((hold ? "SELECT pg_advisory_lock(" : "SELECT pg_advisory_unlock(") + Checkpoints.LOCK + ")");
        }
    }

    private static JsonPath verify() {
        return as("viewer")
                .get("/api/timeline/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static long seqOf(String type, String text) throws SQLException {
        try (Connection c = superuser();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT max(seq) FROM timeline_entry WHERE type = ? AND data::text LIKE ?")) {
            ps.setString(1, type);
            ps.setString(2, "%" + text + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = superuser();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aRewriteWithTheChainRecomputedIsBrokenOnlyAgainstACheckpointTakenAfterIt() throws Exception {
        String target = uniqueKey("anchored");
        try (Connection intruder = superuser()) {
            holdCheckpointLock(intruder, true);
            boolean held = true;
            long seq;
            String honestHash;
            try {
                createComponent(target);
                createComponent(uniqueKey("after"));
                seq = seqOf("component.created", target);
                assertTrue(seq > 1);
                JsonPath before = verify();
                assertEquals("OK", before.getString("status"));
                honestHash = before.getString("lastHash");

                // Without a checkpoint after it, the recomputed chain convinces the verifier.
                rewrite(intruder, seq, "data || '{\"rewritten\": true}'");
                try {
                    JsonPath fooled = verify();
                    assertNotEquals(honestHash, fooled.getString("lastHash"), "the chain was really recomputed");
                    assertEquals("OK", fooled.getString("status"));
                    assertNull(fooled.get("firstBrokenSeq"));
                } finally {
                    rewrite(intruder, seq, "data - 'rewritten'");
                }
                assertEquals(honestHash, verify().getString("lastHash"), "put back exactly");
                holdCheckpointLock(intruder, false);
                held = false;

                CheckpointView checkpoint = checkpoints.takeNow().orElseThrow();
                assertTrue(checkpoint.seq() > seq, "the checkpoint covers the entry");

                holdCheckpointLock(intruder, true);
                held = true;
                rewrite(intruder, seq, "data || '{\"rewritten\": true}'");
                try {
                    JsonPath caught = verify();
                    assertEquals("BROKEN", caught.getString("status"));
                    assertNull(caught.get("firstBrokenSeq"), "the chain itself is consistent");
                    assertEquals("BROKEN", caught.getString("checkpoints.status"));
                    assertTrue(caught.getInt("checkpoints.checked") >= 1);
                    assertEquals(checkpoint.seq(), caught.getLong("checkpoints.disagreeing.seq"));
                    assertEquals(checkpoint.hash(), caught.getString("checkpoints.disagreeing.hash"));
                    assertNotEquals(checkpoint.hash(), caught.getString("checkpoints.disagreeing.storedHash"));
                    assertTrue(caught.getLong("checkpoints.disagreeing.agreesUpTo") < seq);
                    assertTrue(
                            caught.getString("problem").contains("seq " + checkpoint.seq()),
                            caught.getString("problem"));
                } finally {
                    rewrite(intruder, seq, "data - 'rewritten'");
                }
            } finally {
                if (held) holdCheckpointLock(intruder, false);
            }
            JsonPath restored = verify();
            assertEquals("OK", restored.getString("status"), "put back exactly, it verifies again");
            assertTrue(restored.getInt("checkpoints.checked") >= 1);
            assertEquals("OK", restored.getString("checkpoints.status"));
        }
    }

    @Test
    void aCheckpointIsStoredAndSignedButWritesNoTimelineEntry() throws Exception {
        createComponent(uniqueKey("ckpt"));
        long entriesBefore = count("SELECT count(*) FROM timeline_entry WHERE type NOT LIKE 'security.%'");
        long counterBefore = count("SELECT last_seq FROM timeline_counter");

        CheckpointView taken = checkpoints.takeNow().orElseThrow();

        assertEquals(entriesBefore, count("SELECT count(*) FROM timeline_entry WHERE type NOT LIKE 'security.%'"));
        assertEquals(0, count("SELECT count(*) FROM timeline_entry WHERE type LIKE '%checkpoint%'"));
        // Audit entries of sign-ins may land meanwhile; the checkpoint itself is not one.
        assertTrue(count("SELECT last_seq FROM timeline_counter") >= counterBefore);
        assertEquals(
                1,
                count("SELECT count(*) FROM timeline_checkpoint WHERE seq = " + taken.seq()
                        + " AND hash = (SELECT hash FROM timeline_entry WHERE seq = " + taken.seq() + ")"));
        assertEquals(Optional.empty(), checkpoints.takeNow().filter(c -> c.seq() == taken.seq()), "one per seq");
        try (Connection c = superuser();
                Statement s = c.createStatement()) {
            SQLException refused = assertThrows(
                    SQLException.class,
                    () -> s.executeUpdate("UPDATE timeline_checkpoint SET hash = 'x' WHERE seq = " + taken.seq()));
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
    }

    @Test
    void checkpointsJsonListsCheckpointsThatVerifyWithThePublishedKey() throws Exception {
        createComponent(uniqueKey("published"));
        CheckpointView taken = checkpoints.takeNow().orElseThrow();

        JsonPath doc = awaitPublished(taken.seq());
        assertEquals("signing", doc.getString("status"));
        assertEquals("Ed25519", doc.getString("algorithm"));
        List<Map<String, Object>> keys = doc.getList("keys");
        assertFalse(keys.isEmpty());
        Map<String, PublicKey> byId = new java.util.HashMap<>();
        for (Map<String, Object> k : keys) {
            byte[] der = Base64.getDecoder().decode((String) k.get("publicKey"));
            byId.put(
                    (String) k.get("id"),
                    KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
            assertTrue(((String) k.get("pem")).startsWith("-----BEGIN PUBLIC KEY-----"));
        }
        String format = doc.getString("message");
        List<Map<String, Object>> listed = doc.getList("checkpoints");
        long previous = -1;
        for (Map<String, Object> c : listed) {
            long seq = ((Number) c.get("seq")).longValue();
            assertTrue(seq > previous, "oldest first");
            previous = seq;
            PublicKey key = byId.get((String) c.get("keyId"));
            byte[] message = fill(format, c).getBytes(StandardCharsets.UTF_8);
            byte[] signature = Base64.getDecoder().decode((String) c.get("signature"));
            assertTrue(verifies(key, message, signature), "checkpoint " + seq + " verifies with the published key");
            byte[] forged = fill(
                            format,
                            Map.of(
                                    "seq", c.get("seq"),
                                    "hash", "0".repeat(64),
                                    "at", c.get("at"),
                                    "previousSeq", c.get("previousSeq")))
                    .getBytes(StandardCharsets.UTF_8);
            assertFalse(verifies(key, forged, signature), "a different hash does not verify");
        }
        Map<String, Object> mine = listed.stream()
                .filter(c -> ((Number) c.get("seq")).longValue() == taken.seq())
                .findFirst()
                .orElseThrow();
        assertEquals(taken.hash(), mine.get("hash"));
        assertEquals(taken.signature(), mine.get("signature"));

        given().head("/checkpoints.json").then().statusCode(200).header("Access-Control-Allow-Origin", "*");
        Path mirrored = Path.of("target", "test-mirror", "checkpoints.json");
        awaitTrue(
                () -> Files.exists(mirrored) && Files.readString(mirrored).contains(taken.signature()),
                "the static mirror carries checkpoints.json");
    }

    @Test
    void aScheduledCheckpointWaitsForTheIntervalAndForNewEntries() {
        createComponent(uniqueKey("sched"));
        CheckpointView first = checkpoints.takeNow().orElseThrow();
        assertEquals(Optional.empty(), checkpoints.takeIfDue(), "not due yet");
        TestClock.advance(Duration.ofMinutes(11));
        createComponent(uniqueKey("sched-later"));
        CheckpointView next = checkpoints.takeIfDue().orElseThrow();
        assertTrue(next.seq() > first.seq());
        assertEquals(first.seq(), next.previousSeq(), "each names the one before it");
        assertEquals("schedule", next.reason());
    }

    private static String fill(String format, Map<String, Object> c) {
        return format.replace("{seq}", String.valueOf(c.get("seq")))
                .replace("{hash}", String.valueOf(c.get("hash")))
                .replace("{at}", String.valueOf(c.get("at")))
                .replace("{previousSeq}", String.valueOf(c.get("previousSeq")));
    }

    private static boolean verifies(PublicKey key, byte[] message, byte[] signature) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(key);
        s.update(message);
        return s.verify(signature);
    }

    /** checkpoints.json as soon as it lists {@code seq} (it is republished after the checkpoint commits). */
    private static JsonPath awaitPublished(long seq) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            var response =
                    given().get("/checkpoints.json").then().statusCode(200).extract();
            JsonPath doc = response.jsonPath();
            if (doc.getList("checkpoints.seq", Long.class).contains(seq)) {
                assertTrue(response.contentType().startsWith("application/json"));
                return doc;
            }
            if (System.currentTimeMillis() > deadline) throw new AssertionError("checkpoint " + seq + " not published");
            sleep();
        }
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Check check, String what) {
        long deadline = System.currentTimeMillis() + 10_000;
        try {
            while (!check.holds()) {
                if (System.currentTimeMillis() > deadline) throw new AssertionError(what);
                sleep();
            }
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(what, e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
