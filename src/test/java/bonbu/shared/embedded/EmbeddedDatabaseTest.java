package bonbu.shared.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL: keeps its data across restarts, recovers from an abandoned server, has
 * one owner per data directory, starts again when it dies under its owner, and lets no one in
 * without the password.
 */
class EmbeddedDatabaseTest {

    private static Path emptyRoot(String name) throws Exception {
        Path root = Path.of("target", "embedded-db-test", name);
        if (Files.exists(root)) {
            // A previous run may have left a server behind: starting stops it, then we wipe.
            try {
                EmbeddedDatabase.start(root, false).close();
            } catch (IOException e) {
                // a half-made directory from an interrupted run: wiping is enough
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return root;
    }

    private static Connection connect(int port, String database, String password) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/" + database, EmbeddedDatabase.USER, password);
    }

    private static void execute(EmbeddedDatabase db, String sql) throws SQLException {
        try (Connection c = connect(db.port(), EmbeddedDatabase.DATABASE, db.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int count(EmbeddedDatabase db, String table) throws SQLException {
        try (Connection c = connect(db.port(), EmbeddedDatabase.DATABASE, db.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static long postmasterPid(Path root) throws IOException {
        return Long.parseLong(Files.readAllLines(root.resolve("postgres/postmaster.pid"), StandardCharsets.UTF_8)
                .get(0)
                .trim());
    }

    /** Running, not merely waiting to be reaped (a killed server's parent is init, which may be slow). */
    private static boolean alive(long pid) {
        return EmbeddedDatabase.alive(pid);
    }

    /** Starts {@link Holding} in a child JVM on {@code root} and waits until its database is up. */
    private static Process holding(Path root) throws IOException {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Holding.class.getName(),
                        root.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
        String line;
        while ((line = out.readLine()) != null && !line.equals("written")) {
            // wait for the child to report its write
        }
        assertEquals("written", line, "the child JVM started its database and wrote its row");
        return child;
    }

    @Test
    void dataSurvivesACleanRestartAndAnAbandonedServer() throws Exception {
        Path root = emptyRoot("abandoned");
        EmbeddedDatabase first = EmbeddedDatabase.start(root, true);
        execute(first, "CREATE TABLE kept (id int)");
        execute(first, "INSERT INTO kept VALUES (1)");
        first.close();
        assertFalse(Files.exists(root.resolve("postgres/postmaster.pid")), "a clean stop stops PostgreSQL");

        // A separate JVM restarts it, writes, and is killed with SIGKILL: what a kill -9 of the
        // service leaves behind is a running, orphaned PostgreSQL holding the data directory.
        Process child = holding(root);
        child.destroyForcibly().waitFor();
        long abandoned = postmasterPid(root);
        assertTrue(alive(abandoned), "the orphan is running");

        EmbeddedDatabase third = EmbeddedDatabase.start(root, true);
        try {
            assertFalse(alive(abandoned), "the orphan was stopped");
            assertEquals(2, count(third, "kept"), "what was committed before the crash is still there");
        } finally {
            third.close();
        }
    }

    @Test
    void aSecondStartOnALiveDirectoryIsRefusedAndTheFirstKeepsServing() throws Exception {
        Path root = emptyRoot("owned");
        EmbeddedDatabase.start(root, false).close(); // make the directory and its table first
        Process owner = holding(root);
        try {
            long postmaster = postmasterPid(root);
            DataDirectoryInUse refused =
                    assertThrows(DataDirectoryInUse.class, () -> EmbeddedDatabase.start(root, false));
            assertTrue(refused.getMessage().contains("process " + owner.pid()), refused.getMessage());
            String password =
                    Files.readString(root.resolve("postgres-password")).trim();
            int port =
                    Integer.parseInt(refused.getMessage().replaceAll(".*PostgreSQL on 127\\.0\\.0\\.1:(\\d+).*", "$1"));
            assertEquals(postmaster, postmasterPid(root), "the owner's server was not touched");
            assertTrue(alive(postmaster));
            try (Connection c = connect(port, EmbeddedDatabase.DATABASE, password);
                    Statement s = c.createStatement()) {
                s.execute("INSERT INTO kept VALUES (3)");
            }

            // The same refusal inside one process, for a second EmbeddedDatabase on the directory.
            Path mine = emptyRoot("owned-here");
            try (EmbeddedDatabase db = EmbeddedDatabase.start(mine, false)) {
                DataDirectoryInUse again =
                        assertThrows(DataDirectoryInUse.class, () -> EmbeddedDatabase.start(mine, false));
                assertTrue(again.getMessage().contains("PostgreSQL on 127.0.0.1:" + db.port()), again.getMessage());
                execute(db, "SELECT 1");
            }
        } finally {
            owner.destroyForcibly().waitFor();
            EmbeddedDatabase.start(root, false).close(); // stops the server the killed owner left
        }
    }

    @Test
    void aServerThatDiesUnderItsOwnerIsStartedAgainFromTheSameData() throws Exception {
        Path root = emptyRoot("supervised");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(root, true)) {
            execute(db, "CREATE TABLE kept (id int)");
            execute(db, "INSERT INTO kept VALUES (1)");
            long first = db.postmasterPid();
            ProcessHandle.of(first).orElseThrow().destroyForcibly();

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            SQLException last = null;
            while (System.nanoTime() < deadline) {
                try {
                    execute(db, "INSERT INTO kept VALUES (2)");
                    last = null;
                    break;
                } catch (SQLException e) {
                    last = e;
                    Thread.sleep(200);
                }
            }
            assertEquals(null, last, "a write succeeds within 30 s of the server's death");
            while (db.restarts() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50); // the supervisor counts the restart just after the server answers
            }
            assertEquals(1, db.restarts());
            assertTrue(db.downSince().isEmpty());
            assertTrue(db.postmasterPid() != first && alive(db.postmasterPid()));
            assertEquals(2, count(db, "kept"), "crash recovery kept the committed row");
        }
    }

    @Test
    void aConnectionWithoutThePasswordIsRefused() throws Exception {
        Path root = emptyRoot("locked");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(root, false)) {
            assertThrows(
                    SQLException.class,
                    () -> connect(db.port(), EmbeddedDatabase.DATABASE, "").close());
            SQLException wrong = assertThrows(
                    SQLException.class,
                    () -> connect(db.port(), EmbeddedDatabase.DATABASE, "guess").close());
            assertEquals("28P01", wrong.getSQLState(), "password authentication failed");
            execute(db, "SELECT 1");

            assertEquals("rw-------", permissions(root.resolve("postgres-password")));
            assertEquals(
                    db.password(),
                    Files.readString(root.resolve("postgres-password")).trim());
            assertEquals("rwx------", permissions(root.resolve("postgres")));
            assertEquals("rwx------", permissions(root.resolve("postgres-runtime")));
            assertFalse(PostgresBinaries.writableByOthers(root.resolve("postgres-runtime")));
            assertFalse(Files.readString(root.resolve("postgres/pg_hba.conf")).contains("trust"));
        }
    }

    @Test
    void aDataDirectoryThatTrustedEveryoneIsUpgradedAndKeepsItsRows() throws Exception {
        Path root = emptyRoot("upgraded");
        // Made the way the embedded mode did before passwords: trust for every local connection,
        // binaries in a folder anyone could write to.
        Files.createDirectories(root.resolve("postgres-runtime"));
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(root.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(root.resolve("postgres-runtime").toFile())
                .start()) {
            try (Connection c = old.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + EmbeddedDatabase.DATABASE);
            }
            try (Connection c = old.getDatabase(EmbeddedDatabase.USER, EmbeddedDatabase.DATABASE)
                            .getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (id int)");
                s.execute("INSERT INTO kept VALUES (1), (2), (3)");
            }
        }
        assertTrue(Files.readString(root.resolve("postgres/pg_hba.conf")).contains("trust"));
        Files.setPosixFilePermissions(root.resolve("postgres-runtime"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Path planted;
        try (Stream<Path> homes = Files.list(root.resolve("postgres-runtime"))) {
            planted = homes.findFirst().orElseThrow().resolve("bin").resolve("planted-by-someone-else");
        }
        Files.writeString(planted, "anyone could have put this here");

        try (EmbeddedDatabase db = EmbeddedDatabase.start(root, false)) {
            assertEquals(3, count(db, "kept"), "the rows made before the upgrade are kept");
            assertThrows(
                    SQLException.class,
                    () -> connect(db.port(), EmbeddedDatabase.DATABASE, "").close());
            assertFalse(Files.readString(root.resolve("postgres/pg_hba.conf")).contains("trust"));
            assertEquals("rwx------", permissions(root.resolve("postgres-runtime")));
            assertFalse(PostgresBinaries.writableByOthers(root.resolve("postgres-runtime")));
            assertFalse(Files.exists(planted), "binaries others could write to were unpacked again");
        }
    }

    private static String permissions(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /**
     * Starts the database, makes sure table {@code kept} exists, writes a row, says "written" and
     * waits to be killed.
     */
    public static final class Holding {
        public static void main(String[] args) throws Exception {
            EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]), true);
            execute(db, "CREATE TABLE IF NOT EXISTS kept (id int)");
            execute(db, "INSERT INTO kept VALUES (2)");
            System.out.println("written");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
