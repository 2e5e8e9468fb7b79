package bonbu.shared;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 17 run from packaged binaries, used when no external database is configured.
 *
 * <p>The data directory outlives the process, so what was written survives restarts. A start after
 * the service was killed stops the orphaned server first; PostgreSQL's own crash recovery does the
 * rest.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "bonbu";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL with its data kept under {@code root}.
     *
     * @param durable whether every commit is flushed to disk before it is acknowledged; tests that
     *     throw their data away may turn it off for speed
     */
    public static EmbeddedDatabase start(Path root, boolean durable) throws IOException {
        Path data = root.resolve("postgres");
        Path work = root.resolve("postgres-runtime");
        Files.createDirectories(data);
        Files.createDirectories(work);
        // The library's scratch area defaults to /tmp; keep everything under our own root.
        System.setProperty("ot.epg.working-dir", work.toAbsolutePath().toString());
        stopOrphan(data);

        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                // The caller stops it after the application has stopped, not concurrently with it.
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(work.toFile())
                .setPGStartupWait(Duration.ofMinutes(2))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200");
        if (durable) {
            // The library starts PostgreSQL with -F (no fsync); later -c settings win.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        EmbeddedDatabase db = new EmbeddedDatabase(builder.start());
        db.createDatabaseIfMissing();
        return db;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    /** Drops the application database and creates it empty (for test runs). */
    public void recreateDatabase() throws IOException {
        try (Connection c = DriverManager.getConnection(adminUrl(), USER, "");
                var drop = c.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IOException("Could not drop the database '" + DATABASE + "': " + e.getMessage(), e);
        }
        createDatabaseIfMissing();
    }

    private String adminUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    private void createDatabaseIfMissing() throws IOException {
        try (Connection c = DriverManager.getConnection(adminUrl(), USER, "");
                var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (var rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (var create = c.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the database '" + DATABASE + "': " + e.getMessage(), e);
        }
    }

    /**
     * After a {@code kill -9} of the service the PostgreSQL it started keeps running and holds the
     * data directory. Ask it to stop (SIGTERM: it has no clients left) before starting a new one.
     */
    private static void stopOrphan(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return; // stale pid file: PostgreSQL removes it itself
        }
        ProcessHandle process = orphan.get();
        process.destroy();
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
