package bonbu.support;

import bonbu.shared.embedded.EmbeddedDatabase;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * The packaged service run as its own process (prod profile) on a given PostgreSQL, with a first
 * administrator, on a free port of 127.0.0.1; for the tests that run after packaging (failsafe).
 * Its output goes to {@code target/it-<name>.log}.
 */
public final class PackagedService implements AutoCloseable {

    private final Process process;
    private final int port;
    private final String name;

    private PackagedService(Process process, int port, String name) {
        this.process = process;
        this.port = port;
        this.name = name;
    }

    public static PackagedService start(
            EmbeddedDatabase db, String name, String admin, String password, Map<String, String> extraEnv)
            throws IOException {
        int port = freePort();
        String jar = System.getProperty("bonbu.app.jar", "target/quarkus-app/quarkus-run.jar");
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar);
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("BONBU_ADMIN_USERNAME", admin);
        env.put("BONBU_ADMIN_PASSWORD", password);
        env.putAll(extraEnv);
        pb.redirectErrorStream(true);
        pb.redirectOutput(new File("target/it-" + name + ".log"));
        return new PackagedService(pb.start(), port, name);
    }

    /**
     * The packaged service as the README's run command starts it: demo profile, embedded
     * PostgreSQL under {@code dataDir}, nothing about the database in its environment.
     */
    public static PackagedService demo(Path dataDir, String name) throws IOException {
        int port = freePort();
        String jar = System.getProperty("bonbu.app.jar", "target/quarkus-app/quarkus-run.jar");
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.profile=demo",
                "-jar",
                jar);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("QUARKUS_DATASOURCE_"));
        env.put("BONBU_DATA_DIR", dataDir.toString());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        pb.redirectErrorStream(true);
        pb.redirectOutput(new File("target/it-" + name + ".log"));
        return new PackagedService(pb.start(), port, name);
    }

    /** The operating system's id of the service's process. */
    public long pid() {
        return process.pid();
    }

    /** Waits until readiness answers 200. */
    public PackagedService awaitReady() throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(uri("/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return this;
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the service '" + name + "' did not become ready; see target/it-" + name + ".log");
    }

    /** Sends SIGTERM (what Docker and Kubernetes send) without waiting for the process to end. */
    public void signalStop() {
        process.destroy();
    }

    /** Sends SIGKILL, as a crash would, without waiting. */
    public void kill() {
        process.destroyForcibly();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself; answers its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the service '" + name + "' did not stop within " + timeout);
        }
        return process.exitValue();
    }

    /** What the process has written so far. */
    public String log() throws IOException {
        return java.nio.file.Files.readString(Path.of("target", "it-" + name + ".log"));
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * Signs in through the console's form and creates an API token, as an operator would: the
     * prod profile accepts no HTTP Basic. Answers the Authorization header value.
     */
    public String bearer(String user, String password) throws IOException, InterruptedException {
        var http = java.net.http.HttpClient.newHttpClient();
        var page = http.send(
                java.net.http.HttpRequest.newBuilder(uri("/console/sign-in")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        String signInCookie = cookie(page, "bonbu_sign_in");
        var csrf = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"")
                .matcher(page.body());
        if (!csrf.find()) throw new IllegalStateException("no form token on the sign-in page: " + page.body());
        String form = "csrf=" + csrf.group(1) + "&username=" + java.net.URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8);
        var signedIn = http.send(
                java.net.http.HttpRequest.newBuilder(uri("/console/sign-in"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "bonbu_sign_in=" + signInCookie)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 303) {
            throw new IllegalStateException("sign-in as " + user + " answered " + signedIn.statusCode());
        }
        var token = http.send(
                java.net.http.HttpRequest.newBuilder(uri("/api/tokens"))
                        .header("Content-Type", "application/json")
                        .header("Cookie", "bonbu_session=" + cookie(signedIn, "bonbu_session"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"integration test\"}"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        var value = java.util.regex.Pattern.compile("\"token\":\"([^\"]+)\"").matcher(token.body());
        if (token.statusCode() != 201 || !value.find()) {
            throw new IllegalStateException("token creation answered " + token.statusCode() + ": " + token.body());
        }
        return "Bearer " + value.group(1);
    }

    private static String cookie(java.net.http.HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(name + "="))
                .map(h -> h.substring(name.length() + 1, h.indexOf(';') < 0 ? h.length() : h.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + name + " cookie in " + response.headers()));
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
