package bonbu.shared.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL 17 run from packaged binaries, used when no external database is configured.
 *
 * <p>One process owns a data directory at a time (see {@link DataDirectoryLock}); a second start
 * on it is refused and touches nothing. The data outlives the process: a start after the owner
 * was killed stops the server it left behind, and PostgreSQL's crash recovery does the rest. While
 * the owner runs, a server that dies under it is started again from the same data. Only the
 * service's user can connect: PostgreSQL asks for a password (scram-sha-256) that is generated at
 * the first start and kept in {@code postgres-password}, readable by that user alone.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "bonbu";
    public static final String USER = "postgres";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(2);
    private static volatile EmbeddedDatabase serving;

    private final Path data;
    private final Path log;
    private final PostgresBinaries binaries;
    private final DataDirectoryLock lock;
    private final boolean durable;
    private final int port;
    private final String password;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile long postmasterPid;
    private volatile Instant downSince;
    private volatile boolean closing;
    private Thread supervisor;

    private EmbeddedDatabase(
            Path root, PostgresBinaries binaries, DataDirectoryLock lock, boolean durable, int port, String password) {
        this.data = root.resolve("postgres").toAbsolutePath();
        this.log = root.resolve("postgres.log").toAbsolutePath();
        this.binaries = binaries;
        this.lock = lock;
        this.durable = durable;
        this.port = port;
        this.password = password;
    }

    /**
     * Starts PostgreSQL with its data kept under {@code root}.
     *
     * @param durable whether every commit is flushed to disk before it is acknowledged; tests that
     *     throw their data away may turn it off for speed
     */
    public static EmbeddedDatabase start(Path root, boolean durable) throws IOException {
        return start(root, durable, null);
    }

    /**
     * Starts PostgreSQL under {@code root}, or refuses with {@link DataDirectoryInUse}
     * when a running process owns that directory.
     *
     * @param service what to call this process in the refusal a second start gets (may be null)
     */
    public static EmbeddedDatabase start(Path root, boolean durable, String service) throws IOException {
        Files.createDirectories(root);
        DataDirectoryLock lock = DataDirectoryLock.take(root);
        try {
            PostgresBinaries binaries =
                    PostgresBinaries.under(root.resolve("postgres-runtime"), root.resolve("postgres.log"));
            Path data = root.resolve("postgres").toAbsolutePath();
            stopOrphan(binaries, data);
            String password = PasswordAccess.prepare(binaries, root, data);
            EmbeddedDatabase db = new EmbeddedDatabase(root, binaries, lock, durable, freePort(), password);
            db.startPostmaster();
            db.createDatabaseIfMissing();
            lock.describe(db.port, service);
            db.supervise();
            return db;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** The embedded database this process runs its service on, if it runs on one. */
    public static Optional<EmbeddedDatabase> serving() {
        return Optional.ofNullable(serving);
    }

    /** Marks this database as the one the service runs on, for its health report. */
    public EmbeddedDatabase serveThisProcess() {
        serving = this;
        return this;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    /** The password of {@link #USER}; kept in {@code postgres-password} under the data directory. */
    public String password() {
        return password;
    }

    /** How often the server died under this process and was started again. */
    public int restarts() {
        return restarts.get();
    }

    /** Since when the server has been down and being started again, if it is. */
    public Optional<Instant> downSince() {
        return Optional.ofNullable(downSince);
    }

    /** The process id of the running server. */
    public long postmasterPid() {
        return postmasterPid;
    }

    /** Drops the application database and creates it empty (for test runs). */
    public void recreateDatabase() throws IOException {
        try (Connection c = DriverManager.getConnection(adminUrl(), USER, password);
                var drop = c.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IOException("Could not drop the database '" + DATABASE + "': " + e.getMessage(), e);
        }
        createDatabaseIfMissing();
    }

    @Override
    public void close() throws IOException {
        if (closing) return;
        closing = true;
        if (serving == this) serving = null;
        if (supervisor != null) {
            supervisor.interrupt();
            try {
                supervisor.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            // The pid file, not the field: a restart may have been under way when this was called.
            stopServer(binaries, data, pidFile(data).orElse(postmasterPid));
        } finally {
            lock.close();
        }
    }

    // --- first start, upgrade, orphans -------------------------------------------------------

    /**
     * Stops a server left running on {@code data} by an owner that is gone. Only called while
     * holding the directory's lock, which proves its owner gone; the process is also checked to
     * be a PostgreSQL working in this very directory, so a reused pid is never signalled.
     */
    private static void stopOrphan(PostgresBinaries binaries, Path data) throws IOException {
        Optional<Long> running = pidFile(data);
        if (running.isEmpty()) return;
        long pid = running.get();
        if (!alive(pid) || !workingIn(pid, data)) return;
        LOG.warnf("Stopping the embedded PostgreSQL (pid %d) left running on %s by an owner that is gone", pid, data);
        stopServer(binaries, data, pid);
    }

    /** The pid PostgreSQL wrote when it started in {@code data}, if there is a readable one. */
    private static Optional<Long> pidFile(Path data) {
        try {
            List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // none, or half-written: PostgreSQL replaces it itself
        }
    }

    private static boolean workingIn(long pid, Path data) {
        try {
            Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));
            return cwd.equals(data.toRealPath());
        } catch (IOException | UnsupportedOperationException e) {
            return false; // not ours to see, so not ours to stop
        }
    }

    private static void stopServer(PostgresBinaries binaries, Path data, long pid) throws IOException {
        if (pid <= 0 || !alive(pid)) return;
        try {
            binaries.run(null, "pg_ctl", "stop", "-D", data.toString(), "-m", "fast", "-w", "-t", "60");
        } catch (IOException e) {
            LOG.warnf("pg_ctl could not stop PostgreSQL (pid %d): %s", pid, e.getMessage());
        }
        Optional<ProcessHandle> left = ProcessHandle.of(pid).filter(p -> alive(pid));
        if (left.isPresent()) {
            left.get().destroyForcibly();
            try {
                left.get().onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("PostgreSQL (pid " + pid + ") did not stop", e);
            }
        }
    }

    // --- running and supervising -------------------------------------------------------------

    private void startPostmaster() throws IOException {
        List<String> options = new ArrayList<>(List.of(
                "-p " + port,
                "-c listen_addresses=127.0.0.1",
                "-c unix_socket_directories=''",
                "-c max_connections=200",
                "-c timezone=UTC"));
        // Tests that throw their data away skip the flush; the service never does.
        options.add(durable ? "-c fsync=on" : "-c fsync=off");
        options.add(durable ? "-c synchronous_commit=on" : "-c synchronous_commit=off");
        // pg_ctl starts the server in a session of its own, so a Ctrl-C meant for the service
        // does not stop the database under it before the service has stopped.
        binaries.run(
                null,
                "pg_ctl",
                "start",
                "-D",
                data.toString(),
                "-l",
                log.toString(),
                "-w",
                "-t",
                Long.toString(STARTUP_WAIT.toSeconds()),
                "-o",
                String.join(" ", options));
        postmasterPid = pidFile(data).orElseThrow(() -> new IOException("PostgreSQL started but wrote no pid file"));
    }

    /** Watches the server and starts it again, from the same data, if it dies under this process. */
    private void supervise() {
        supervisor = new Thread(
                () -> {
                    while (!closing) {
                        try {
                            Thread.sleep(250);
                            if (!closing && !alive(postmasterPid)) restart();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "embedded-postgres-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    private void restart() throws InterruptedException {
        downSince = Instant.now();
        LOG.errorf(
                "The embedded PostgreSQL (pid %d) stopped under the running service; starting it again from %s",
                postmasterPid, data);
        // The dead server's pid stays taken until init reaps it, and PostgreSQL will not start
        // while the pid in its lock file exists; waiting for that spares failed attempts.
        long reaped = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Files.exists(Path.of("/proc", Long.toString(postmasterPid))) && System.nanoTime() < reaped) {
            Thread.sleep(50);
        }
        long backoff = 250;
        for (int attempt = 1; !closing; attempt++) {
            try {
                startPostmaster();
                restarts.incrementAndGet();
                LOG.infof(
                        "The embedded PostgreSQL is back (pid %d, attempt %d, down %d ms)",
                        postmasterPid,
                        attempt,
                        Duration.between(downSince, Instant.now()).toMillis());
                downSince = null;
                return;
            } catch (IOException | RuntimeException e) {
                // Backends of the dead server may still hold its shared memory for a moment.
                LOG.warnf("Restarting the embedded PostgreSQL failed (attempt %d): %s", attempt, e.getMessage());
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    /** Whether a process runs under {@code pid}; a zombie has stopped running. */
    static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private String adminUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private void createDatabaseIfMissing() throws IOException {
        try (Connection c = DriverManager.getConnection(adminUrl(), USER, password);
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
