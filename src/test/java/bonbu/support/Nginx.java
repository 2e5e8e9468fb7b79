package bonbu.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * nginx (Debian's package) run with {@code docker/nginx/bonbu.conf}, the same file the compose
 * setup mounts: only the two includes it names (the replicas' addresses, and the listen address
 * with the mirror's directory) are written here, for loopback ports and local folders.
 */
public final class Nginx implements AutoCloseable {

    public static final String BINARY = "/usr/sbin/nginx";
    public static final Path SHARED_CONFIG = Path.of("docker", "nginx", "bonbu.conf");

    private final Process process;
    private final Path prefix;

    private Nginx(Process process, Path prefix) {
        this.process = process;
        this.prefix = prefix;
    }

    /** Skips the test where nginx is missing, but fails on CI, where {@code .ci/run} installs it. */
    public static void requireNginx() {
        if (new File(BINARY).canExecute()) return;
        String message = "This test needs nginx at " + BINARY + ": apt-get install -y nginx";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new IllegalStateException(message);
        org.junit.jupiter.api.Assumptions.abort(message);
    }

    /**
     * Writes {@code <prefix>/nginx.conf} that includes the shared configuration, with its includes
     * pointing at the given replicas and mirror. Answers the main configuration file.
     */
    public static Path writeConfig(Path prefix, int listenPort, List<Integer> replicaPorts, Path mirror)
            throws IOException {
        Path root = prefix.toAbsolutePath();
        Files.createDirectories(root.resolve("bonbu"));
        Files.createDirectories(root.resolve("logs"));
        Files.createDirectories(root.resolve("temp"));
        // Started as root (CI containers), nginx's workers run as nobody and buffer large
        // responses to files here.
        Files.setPosixFilePermissions(
                root.resolve("temp"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        StringBuilder upstreams = new StringBuilder();
        for (int port : replicaPorts) {
            upstreams.append("server 127.0.0.1:").append(port).append(" max_fails=1 fail_timeout=5s;\n");
        }
        Files.writeString(root.resolve("bonbu/upstreams.conf"), upstreams.toString());
        Files.writeString(
                root.resolve("bonbu/server.conf"),
                "listen 127.0.0.1:" + listenPort + ";\nroot " + mirror.toAbsolutePath() + ";\n");
        String temp = root.resolve("temp").toString();
        Path conf = root.resolve("nginx.conf");
        // Started as root, nginx's workers would run as nobody, who cannot read a mirror under a
        // private directory (a fresh clone in a mktemp folder, mode 700): keep them as root here.
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        Files.writeString(
                conf,
                user + "daemon off;\nworker_processes 2;\npid " + root.resolve("logs/nginx.pid") + ";\nerror_log "
                        + root.resolve("logs/error.log") + " warn;\nevents { worker_connections 4096; }\nhttp {\n"
                        + "    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
                        + "    access_log " + root.resolve("logs/access.log") + ";\n"
                        + "    client_body_temp_path " + temp + "/body;\n    proxy_temp_path " + temp + "/proxy;\n"
                        + "    fastcgi_temp_path " + temp + "/fastcgi;\n    uwsgi_temp_path " + temp + "/uwsgi;\n"
                        + "    scgi_temp_path " + temp + "/scgi;\n"
                        + "    include " + SHARED_CONFIG.toAbsolutePath() + ";\n}\n",
                StandardCharsets.UTF_8);
        return conf;
    }

    /** {@code nginx -t} on a configuration: answers its output, failing the test if it is not valid. */
    public static String test(Path conf) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        BINARY,
                        "-t",
                        "-p",
                        conf.getParent().toString(),
                        "-c",
                        conf.toString(),
                        "-e",
                        conf.getParent().resolve("logs/error.log").toString())
                .redirectErrorStream(true)
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("nginx -t did not finish in 30 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new AssertionError("nginx -t refused " + conf + ":\n" + out);
        return out;
    }

    /** Starts nginx in the foreground on a configuration written by {@link #writeConfig}. */
    public static Nginx start(Path conf) throws IOException {
        Path prefix = conf.getParent();
        Process p = new ProcessBuilder(
                        BINARY,
                        "-p",
                        prefix.toString(),
                        "-c",
                        conf.toString(),
                        "-e",
                        prefix.resolve("logs/error.log").toString())
                .redirectErrorStream(true)
                .redirectOutput(prefix.resolve("logs/stdout.log").toFile())
                .start();
        return new Nginx(p, prefix);
    }

    public Path prefix() {
        return prefix;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: nginx stops its workers and exits
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
