package bonbu.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL keeps its data across restarts and recovers from an abandoned server. */
class EmbeddedDatabaseTest {

    private static final Path ROOT = Path.of("target", "embedded-db-test");

    @BeforeAll
    static void startEmpty() throws Exception {
        if (Files.exists(ROOT)) {
            // A previous run may have left a server behind: starting stops it, then we wipe.
            EmbeddedDatabase.start(ROOT, false).close();
            try (Stream<Path> files = Files.walk(ROOT)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void execute(EmbeddedDatabase db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int count(EmbeddedDatabase db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM kept")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(ROOT.resolve("postgres/postmaster.pid"), StandardCharsets.UTF_8)
                .get(0)
                .trim());
    }

    @Test
    void dataSurvivesACleanRestartAndAnAbandonedServer() throws Exception {
        EmbeddedDatabase first = EmbeddedDatabase.start(ROOT, true);
        execute(first, "CREATE TABLE kept (id int)");
        execute(first, "INSERT INTO kept VALUES (1)");
        first.close();
        assertFalse(Files.exists(ROOT.resolve("postgres/postmaster.pid")), "a clean stop stops PostgreSQL");

        // A separate JVM restarts it, writes, and is killed with SIGKILL: what a kill -9 of the
        // service leaves behind is a running, orphaned PostgreSQL holding the data directory.
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Crashing.class.getName(),
                        ROOT.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("written")) {
                // wait for the child to report its write
            }
            assertEquals("written", line, "the child JVM wrote its row");
        }
        child.destroyForcibly().waitFor();
        long abandoned = postmasterPid();
        assertTrue(ProcessHandle.of(abandoned).map(ProcessHandle::isAlive).orElse(false), "the orphan is running");

        EmbeddedDatabase third = EmbeddedDatabase.start(ROOT, true);
        try {
            assertTrue(ProcessHandle.of(abandoned).map(p -> !p.isAlive()).orElse(true), "the orphan was stopped");
            assertEquals(2, count(third), "what was committed before the crash is still there");
        } finally {
            third.close();
        }
    }

    /** Restarts the database, checks the first row is there, writes a second, and waits to be killed. */
    public static final class Crashing {
        public static void main(String[] args) throws Exception {
            EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]), true);
            if (count(db) != 1) throw new IllegalStateException("a clean restart lost data");
            execute(db, "INSERT INTO kept VALUES (2)");
            System.out.println("written");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
