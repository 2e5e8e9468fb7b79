package bonbu.shared.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jboss.logging.Logger;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL 17 programs, unpacked from the archive on the classpath into a folder only the
 * service's user can enter. A folder that another user could have written to is not trusted: it
 * is unpacked again, since whatever is in it runs as the service's user.
 */
final class PostgresBinaries {

    private static final Logger LOG = Logger.getLogger(PostgresBinaries.class);
    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";
    static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_PROGRAM = PosixFilePermissions.fromString("r-x------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DATA = PosixFilePermissions.fromString("r--------");

    private static final Duration LONGEST_RUN = Duration.ofMinutes(3);

    private final Path home;
    private final Path log;

    private PostgresBinaries(Path home, Path log) {
        this.home = home;
        this.log = log;
    }

    /**
     * The unpacked programs under {@code runtime}, unpacking them first when needed; what they
     * print goes to {@code log}.
     */
    static PostgresBinaries under(Path runtime, Path log) throws IOException {
        byte[] archive = archive();
        String digest;
        try (var in =
                new DigestInputStream(new java.io.ByteArrayInputStream(archive), MessageDigest.getInstance("MD5"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            digest = HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Files.createDirectories(runtime);
        // Checked before the folder is closed: if another user could write to it until now, they
        // could have put programs of their own in it.
        boolean tampered = writableByOthers(runtime);
        Files.setPosixFilePermissions(runtime, OWNER_ONLY_DIR);
        Path home = runtime.resolve("PG-" + digest);
        Path done = home.resolve(".exists");
        if (Files.exists(home) && (tampered || !Files.exists(done))) {
            LOG.warnf(
                    "The PostgreSQL programs in %s were incomplete or writable by other users; unpacking them again",
                    home);
            delete(home);
        }
        if (!Files.exists(home)) {
            Path partial = Files.createTempDirectory(runtime, "unpacking-");
            unpack(archive, partial);
            Files.createFile(partial.resolve(".exists"));
            Files.move(partial, home);
        }
        Files.setPosixFilePermissions(home, OWNER_ONLY_DIR);
        return new PostgresBinaries(home, log.toAbsolutePath());
    }

    /**
     * The command line that runs one of the programs. PostgreSQL refuses to run as root; as root it
     * runs in a user namespace of its own ({@code unshare -U}), where it is nobody, while the files
     * it makes stay the service user's.
     */
    private List<String> command(String program, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (runningAsRoot()) {
            if (!UNSHARE.get()) {
                throw new IOException("PostgreSQL refuses to run as root, and 'unshare -U' (util-linux) is not"
                        + " available here to run it as nobody; run Bonbu as an ordinary user instead");
            }
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(home.resolve("bin").resolve(program).toString());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Runs one of the programs to its end, with {@code input} on its standard input (none if null)
     * and its output appended to the log; fails with the log's last lines if it fails.
     */
    void run(String input, String program, String... args) throws IOException {
        String what = program + (args.length > 0 && !args[0].startsWith("-") ? " " + args[0] : "");
        ProcessBuilder pb = new ProcessBuilder(command(program, args)).redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (input == null) pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        if (input != null) {
            try (var in = p.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            if (!p.waitFor(LONGEST_RUN.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(what + " did not finish; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(what + " was interrupted", e);
        }
        Files.setPosixFilePermissions(log, OWNER_ONLY_FILE);
        if (p.exitValue() != 0) {
            throw new IOException(what + " failed with exit code " + p.exitValue() + "; see " + log + lastLines());
        }
    }

    private String lastLines() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return ":\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static final Supplier<Boolean> UNSHARE = memoize(() -> {
        try {
            Process p = new ProcessBuilder("unshare", "-U", "true")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    });

    private static boolean runningAsRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) return line.split("\\s+")[2].equals("0"); // effective uid
            }
        } catch (IOException e) {
            // not Linux: the archive is Linux-only anyway
        }
        return "root".equals(System.getProperty("user.name"));
    }

    private static <T> Supplier<T> memoize(Supplier<T> compute) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                if (value == null) value = compute.get();
                return value;
            }
        };
    }

    private static byte[] archive() throws IOException {
        try (InputStream in = PostgresBinaries.class.getResourceAsStream(ARCHIVE)) {
            if (in == null) {
                throw new IOException("the embedded PostgreSQL needs Linux on x86-64 (" + ARCHIVE
                        + " is not on the classpath); configure an external PostgreSQL instead");
            }
            return in.readAllBytes();
        }
    }

    private static void unpack(byte[] archive, Path into) throws IOException {
        Path base = into.toAbsolutePath().normalize();
        try (var tar = new TarArchiveInputStream(new XZInputStream(new java.io.ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = base.resolve(entry.getName()).normalize();
                if (!target.startsWith(base)) {
                    throw new IOException("the PostgreSQL archive has an entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isLink()) {
                    Path source = base.resolve(entry.getLinkName()).normalize();
                    if (!source.startsWith(base)) {
                        throw new IOException("the PostgreSQL archive links outside its folder: " + entry.getName());
                    }
                    Files.createDirectories(target.getParent());
                    Files.createLink(target, source);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                    boolean program = (entry.getMode() & 0100) != 0
                            || base.relativize(target).startsWith("bin");
                    Files.setPosixFilePermissions(target, program ? OWNER_ONLY_PROGRAM : OWNER_ONLY_DATA);
                } else {
                    throw new IOException("the PostgreSQL archive has an entry of an unknown kind: " + entry.getName());
                }
            }
        }
        try (Stream<Path> all = Files.walk(base)) {
            for (Path p : all.toList()) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(p, OWNER_ONLY_DIR);
                }
            }
        }
    }

    /** Whether anything under {@code dir} could have been changed by a user other than its owner. */
    static boolean writableByOthers(Path dir) throws IOException {
        UserPrincipal me = dir.getFileSystem()
                .getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        try (Stream<Path> all = Files.walk(dir)) {
            return all.anyMatch(p -> {
                try {
                    PosixFileAttributes a =
                            Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (a.isSymbolicLink()) return false;
                    Set<PosixFilePermission> perms = a.permissions();
                    return perms.contains(PosixFilePermission.GROUP_WRITE)
                            || perms.contains(PosixFilePermission.OTHERS_WRITE)
                            || !a.owner().equals(me);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
