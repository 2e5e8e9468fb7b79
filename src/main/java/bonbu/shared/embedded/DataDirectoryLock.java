package bonbu.shared.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Who owns a data directory: the one process holding an exclusive lock on {@code owner.lock}. The
 * operating system drops the lock when its holder dies, however it dies, so a free lock proves the
 * last owner is gone and a held one proves it is alive. {@code owner.properties} beside it says who
 * holds it, for the message a second start answers with.
 */
final class DataDirectoryLock implements AutoCloseable {

    private static final String LOCK_FILE = "owner.lock";
    private static final String OWNER_FILE = "owner.properties";

    private final Path root;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path root, FileChannel channel, FileLock lock) {
        this.root = root;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the directory, or refuses with who has it. Never waits and never signals anyone. */
    static DataDirectoryLock take(Path root) throws IOException {
        FileChannel channel =
                FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process, through another EmbeddedDatabase
        }
        if (lock == null) {
            channel.close();
            throw new DataDirectoryInUse(root, owner(root));
        }
        // The embedded mode before this lock existed held a lock inside the PostgreSQL data
        // directory instead; a server of that kind may still be running on it.
        Path earlier = root.resolve("postgres").resolve("epg-lock");
        if (Files.exists(earlier)) {
            try (FileChannel old = FileChannel.open(earlier, StandardOpenOption.WRITE)) {
                FileLock oldLock;
                try {
                    oldLock = old.tryLock();
                } catch (OverlappingFileLockException e) {
                    oldLock = null;
                }
                if (oldLock == null) {
                    lock.release();
                    channel.close();
                    throw new DataDirectoryInUse(root, Map.of("version", "an earlier version of Bonbu"));
                }
                oldLock.release();
            }
        }
        return new DataDirectoryLock(root, channel, lock);
    }

    /** Says who owns the directory now; written once PostgreSQL is up, so the port is known. */
    void describe(int postgresPort, String service) throws IOException {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        p.setProperty("postgresPort", Integer.toString(postgresPort));
        p.setProperty("since", Instant.now().toString());
        if (service != null) p.setProperty("service", service);
        Path file = root.resolve(OWNER_FILE);
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "the process that owns this data directory (while it holds owner.lock)");
        }
    }

    private static Map<String, String> owner(Path root) {
        Map<String, String> owner = new LinkedHashMap<>();
        Path file = root.resolve(OWNER_FILE);
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(in);
            p.stringPropertyNames().forEach(k -> owner.put(k, p.getProperty(k)));
        } catch (IOException e) {
            // still starting, or an unreadable file: the message says less, the refusal stands
        }
        return owner;
    }

    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(root.resolve(OWNER_FILE));
        } finally {
            lock.release();
            channel.close();
        }
    }
}
