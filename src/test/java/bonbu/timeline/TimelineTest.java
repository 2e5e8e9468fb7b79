package bonbu.timeline;

import static bonbu.support.Api.as;
import static bonbu.support.Api.createComponent;
import static bonbu.support.Api.lastSeq;
import static bonbu.support.Api.uniqueKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.shared.embedded.EmbeddedDatabase;
import bonbu.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TimelineTest {

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                TestDatabase.db().jdbcUrl(),
                EmbeddedDatabase.USER,
                TestDatabase.db().password());
    }

    private static void insertEntry(Connection c, String type) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO timeline_entry (at, actor, type, audience, data) VALUES (now(), 'test', ?, 'STAFF', '{}')")) {
            ps.setString(1, type);
            ps.executeUpdate();
        }
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateTheTimeline() throws SQLException {
        createComponent(uniqueKey("logged"));
        long seq = lastSeq();
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            SQLException update =
                    assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE timeline_entry SET actor = 'x'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM timeline_entry WHERE seq = " + seq));
            assertThrows(SQLException.class, () -> s.executeUpdate("TRUNCATE timeline_entry"));
            try (ResultSet rs = s.executeQuery("SELECT actor FROM timeline_entry WHERE seq = " + seq)) {
                assertTrue(rs.next());
                assertEquals("admin", rs.getString(1));
            }
        }
    }

    /**
     * Writers hold their transactions open for random times after inserting, so they commit in a
     * different order than they started. A reader polling "everything after the last seq I saw"
     * must still never skip an entry: each poll has to continue exactly where the last one ended.
     */
    @Test
    void concurrentWritersNeverMakeAReaderSkipAnEntry() throws Exception {
        int writers = 8;
        int perWriter = 25;
        String type = "test.concurrent." + uniqueKey("run");
        long start;
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT last_seq FROM timeline_counter")) {
            rs.next();
            start = rs.getLong(1);
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        List<Future<?>> writes = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            writes.add(pool.submit(() -> {
                try (Connection c = connect()) {
                    c.setAutoCommit(false);
                    for (int i = 0; i < perWriter; i++) {
                        insertEntry(c, type);
                        Thread.sleep(ThreadLocalRandom.current().nextInt(3));
                        c.commit();
                    }
                }
                return null;
            }));
        }
        Future<List<Long>> reader = pool.submit(() -> {
            List<Long> seen = new ArrayList<>();
            long last = start;
            try (Connection c = connect();
                    PreparedStatement ps =
                            c.prepareStatement("SELECT seq FROM timeline_entry WHERE seq > ? ORDER BY seq")) {
                boolean more = true;
                while (more) {
                    more = writing.get();
                    ps.setLong(1, last);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long seq = rs.getLong(1);
                            if (seq != last + 1) {
                                throw new AssertionError("reader saw " + seq + " right after " + last);
                            }
                            seen.add(seq);
                            last = seq;
                        }
                    }
                }
            }
            return seen;
        });
        for (Future<?> f : writes) f.get(60, TimeUnit.SECONDS);
        writing.set(false);
        List<Long> seen = reader.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        assertFalse(seen.isEmpty());
        int ours = 0;
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM timeline_entry WHERE type = ?")) {
            ps.setString(1, type);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                ours = rs.getInt(1);
            }
        }
        assertEquals(writers * perWriter, ours);
        assertTrue(seen.size() >= ours, "the reader saw every entry written during the run");
    }

    @Test
    void theTimelineApiPagesInSeqOrder() {
        String a = uniqueKey("page");
        String b = uniqueKey("page");
        long before = lastSeq();
        createComponent(a);
        createComponent(b);
        as("viewer")
                .get("/api/timeline?since={s}&limit=1", before)
                .then()
                .statusCode(200)
                .body("entries", hasSize(1))
                .body("entries[0].seq", equalTo((int) before + 1))
                .body("entries[0].data.key", equalTo(a))
                .body("more", equalTo(true))
                .body("next", equalTo((int) before + 1));
        as("viewer")
                .get("/api/timeline?since={s}&limit=1", before + 1)
                .then()
                .body("entries[0].seq", equalTo((int) before + 2))
                .body("entries[0].data.key", equalTo(b))
                .body("entries[0].type", equalTo("component.created"))
                .body("entries[0].at", org.hamcrest.Matchers.notNullValue());
        as("viewer")
                .get("/api/timeline?limit=0")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        as("viewer").get("/api/timeline?since=abc").then().statusCode(400).contentType("application/problem+json");
    }
}
