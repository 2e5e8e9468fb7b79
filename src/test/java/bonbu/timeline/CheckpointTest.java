package bonbu.timeline;

import static bonbu.support.Api.as;
import static bonbu.support.Api.createComponent;
import static bonbu.support.Api.uniqueKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
}
