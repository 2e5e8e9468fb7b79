package bonbu.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.shared.embedded.EmbeddedDatabase;
import bonbu.support.Nginx;
import bonbu.support.PackagedService;
import bonbu.support.ResumingClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The deployment topology of {@code docker/compose.yaml} rehearsed without Docker: one PostgreSQL,
 * three replicas of the packaged jar on loopback ports, and nginx with the same
 * {@code docker/nginx/bonbu.conf} in front. Websocket clients connect through nginx (so they spread
 * over the replicas); writes go to one replica. It checks delivery across replicas, resumption with
 * no gap and no duplicate after {@code kill -9} of a replica, the 1012 close on a graceful stop, and
 * the static mirror served by nginx once no replica runs. Figures go to
 * {@code target/topology/results.md} ({@code bench/topology} runs this and prints them).
 */
class TopologyIT {

    private static final String ADMIN = "chief";
    private static final String PASSWORD = "topology-rehearsal-secret";
    private static final Path DIR = Path.of("target", "topology");
    private static final int CLIENTS = Integer.getInteger("bonbu.topology.clients", 30);
    private static final int UPDATES = Integer.getInteger("bonbu.topology.updates", 20);
    private static final int UPDATES_DURING_KILL = Integer.getInteger("bonbu.topology.kill-updates", 30);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> figures = new LinkedHashMap<>();

    /** The administrator's API token (the prod profile takes no HTTP Basic); valid on every replica. */
    private static String auth;

    @Test
    void threeReplicasBehindNginxDeliverResumeAndFallBackToTheMirror() throws Exception {
        Nginx.requireNginx();
        deleteTree(DIR);
        Files.createDirectories(DIR);
        Path mirror = Files.createDirectories(DIR.resolve("mirror"));
        List<PackagedService> replicas = new ArrayList<>();
        List<ResumingClient> clients = new ArrayList<>();
        EmbeddedDatabase db = EmbeddedDatabase.start(DIR.resolve("db"), false);
        Nginx nginx = null;
        try {
            db.recreateDatabase();
            Map<String, String> env = Map.of(
                    "BONBU_STATUSPAGE_MIRROR_DIR", mirror.toAbsolutePath().toString(),
                    "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true",
                    "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true",
                    "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "127.0.0.1",
                    "BONBU_SHUTDOWN_DELAY", "1s");
            // The first creates the administrator in the empty database; the other two start together.
            replicas.add(PackagedService.start(db, "topology-a", ADMIN, PASSWORD, env)
                    .awaitReady());
            replicas.add(PackagedService.start(db, "topology-b", ADMIN, PASSWORD, env));
            replicas.add(PackagedService.start(db, "topology-c", ADMIN, PASSWORD, env));
            replicas.get(1).awaitReady();
            replicas.get(2).awaitReady();
            PackagedService a = replicas.get(0);
            PackagedService b = replicas.get(1);
            auth = a.bearer(ADMIN, PASSWORD);

            int port = freePort();
            Path conf = Nginx.writeConfig(
                    DIR.resolve("nginx"),
                    port,
                    replicas.stream().map(PackagedService::port).toList(),
                    mirror);
            Nginx.test(conf);
            nginx = Nginx.start(conf);
            URI front = URI.create("http://127.0.0.1:" + port);
            awaitStatus(front.resolve("/"), 200, 30);

            String key = "topology-" + Long.toString(System.nanoTime(), 36);
            HttpResponse<String> created = post(
                    a,
                    "/api/components",
                    "{\"key\":\"" + key + "\",\"name\":{\"ko\":\"예행연습\",\"en\":\"Rehearsal\"},\"group\":\"시험\","
                            + "\"kind\":\"PUBLIC_SERVICE\",\"tier\":2,\"public\":true}");
            assertEquals(201, created.statusCode(), created.body());

            // Clients through nginx, spread over the replicas by round robin.
            long start = lastSeq(a);
            URI ws = URI.create("ws://127.0.0.1:" + port + "/ws/public");
            for (int i = 0; i < CLIENTS; i++) clients.add(new ResumingClient(HTTP, ws, start));
            awaitAllOpen(clients, 30);
            Thread.sleep(500);
            List<Integer> spread = new ArrayList<>();
            for (PackagedService r : replicas) spread.add(publicConnections(r));
            figures.put("clients through nginx", CLIENTS);
            figures.put("connections per replica (a, b, c)", spread);
            assertEquals(CLIENTS, spread.stream().mapToInt(Integer::intValue).sum(), "every client is on a replica");
            assertTrue(spread.stream().allMatch(n -> n > 0), "nginx spread the clients over all three: " + spread);

            // 1. Writes through replica a reach the clients of every replica.
            for (int i = 0; i < UPDATES; i++) {
                write(a, key, i);
                Thread.sleep(100);
            }
            long afterPhase1 = lastSeq(a);
            Set<Long> expected1 = publicSeqs(a, start, afterPhase1);
            assertEquals(UPDATES, expected1.size(), "one public entry per write");
            awaitEveryone(clients, expected1, 30);
            List<Long> latencies = new ArrayList<>();
            for (ResumingClient c : clients) {
                for (ResumingClient.Received r : c.received()) {
                    if (expected1.contains(r.seq())) latencies.add(r.receivedMicros() - micros(r.at()));
                }
            }
            Collections.sort(latencies);
            figures.put("phase 1: writes through replica a (one public entry each)", UPDATES);
            figures.put("phase 1: messages delivered / expected", latencies.size() + " / " + (CLIENTS * UPDATES));
            figures.put(
                    "phase 1: commit-to-client latency p50 / p99 / max (ms)",
                    ms(pct(latencies, 50)) + " / " + ms(pct(latencies, 99)) + " / "
                            + ms(latencies.get(latencies.size() - 1)));

            // 2. kill -9 of replica b while writes go on through a: its clients reconnect through
            //    nginx to a or c and resume from their last seq.
            int onB = publicConnections(b);
            Map<ResumingClient, Integer> opensBefore = new HashMap<>();
            for (ResumingClient c : clients) opensBefore.put(c, c.opens().size());
            long killedAt = 0;
            for (int i = 0; i < UPDATES_DURING_KILL; i++) {
                if (i == 10) {
                    killedAt = System.nanoTime();
                    b.kill();
                }
                write(a, key, UPDATES + i);
                Thread.sleep(100);
            }
            long afterPhase2 = lastSeq(a);
            Set<Long> expected2 = publicSeqs(a, afterPhase1, afterPhase2);
            awaitEveryone(clients, expected2, 30);
            List<Long> reconnectMillis = new ArrayList<>();
            List<Long> noticedMillis = new ArrayList<>();
            for (ResumingClient c : clients) {
                List<Long> opens = c.opens();
                if (opens.size() > opensBefore.get(c)) {
                    reconnectMillis.add((opens.get(opensBefore.get(c)) - killedAt) / 1_000_000);
                }
                final long killed = killedAt;
                c.drops().stream()
                        .filter(t -> t >= killed)
                        .findFirst()
                        .ifPresent(t -> noticedMillis.add((t - killed) / 1_000_000));
            }
            Collections.sort(reconnectMillis);
            Collections.sort(noticedMillis);
            figures.put(
                    "phase 2: kill -9 to the client seeing its connection end, median / max (ms)",
                    noticedMillis.isEmpty()
                            ? "-"
                            : noticedMillis.get(noticedMillis.size() / 2) + " / "
                                    + noticedMillis.get(noticedMillis.size() - 1));
            figures.put("phase 2: clients on replica b when it was killed", onB);
            figures.put("phase 2: clients that reconnected", reconnectMillis.size());
            figures.put(
                    "phase 2: kill -9 to reconnected through nginx, median / max (ms)",
                    reconnectMillis.isEmpty()
                            ? "-"
                            : reconnectMillis.get(reconnectMillis.size() / 2) + " / "
                                    + reconnectMillis.get(reconnectMillis.size() - 1));
            figures.put(
                    "phase 2: writes through replica a, 100 ms apart (kill -9 of b after the 10th)",
                    UPDATES_DURING_KILL);
            assertEquals(onB, reconnectMillis.size(), "every client of the killed replica reconnected");

            Set<Long> all = new TreeSet<>(expected1);
            all.addAll(expected2);
            int gaps = 0;
            int duplicates = 0;
            int unexpected = 0;
            int resyncs = 0;
            for (ResumingClient c : clients) {
                List<Long> seqs =
                        c.received().stream().map(ResumingClient.Received::seq).toList();
                Set<Long> distinct = new HashSet<>(seqs);
                duplicates += seqs.size() - distinct.size();
                for (long s : all) if (!distinct.contains(s)) gaps++;
                for (long s : distinct) if (!all.contains(s)) unexpected++;
                resyncs += c.resyncs();
            }
            figures.put(
                    "phases 1+2: messages delivered / expected",
                    CLIENTS * all.size() - gaps + " / " + CLIENTS * all.size());
            figures.put(
                    "phases 1+2: missing / duplicate / unexpected / resync",
                    gaps + " / " + duplicates + " / " + unexpected + " / " + resyncs);
            assertEquals(0, gaps, "no client missed an entry");
            assertEquals(0, duplicates, "no client got an entry twice");
            assertEquals(0, unexpected, "no client got an entry it should not have");

            // 3. Graceful stop of the other two: clients are told 1012; then nginx serves the mirror.
            String lastKey = key + "-" + (UPDATES + UPDATES_DURING_KILL - 1);
            awaitMirror(mirror, lastKey, 30);
            for (PackagedService r : replicas) if (r.alive()) r.signalStop();
            for (PackagedService r : replicas) if (r != b) r.awaitExit(Duration.ofSeconds(40));
            int told1012 = 0;
            for (ResumingClient c : clients) {
                if (c.closes().stream().anyMatch(s -> s.startsWith("1012 ") && s.contains("reconnect"))) told1012++;
            }
            figures.put("phase 3: clients told 1012 \"reconnect\" by a stopping replica", told1012 + " of " + CLIENTS);
            assertTrue(told1012 >= CLIENTS - onB, "the clients of a and c were told to reconnect: " + told1012);

            Map<String, Object> fallback = new LinkedHashMap<>();
            for (String path : List.of("/", "/en/", "/api/v2/summary.json", "/history")) {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(front.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
                String source = r.headers().firstValue("X-Bonbu-Source").orElse("replica");
                fallback.put(path, r.statusCode() + " from " + source);
                assertEquals(200, r.statusCode(), path + " is served with every replica down");
                assertEquals("mirror", source, path);
                if (path.endsWith(".json")) {
                    assertTrue(r.body().contains(lastKey), "the mirror has the last state");
                }
            }
            figures.put("phase 3: with every replica stopped, through nginx", fallback);
        } finally {
            for (ResumingClient c : clients) c.close();
            if (nginx != null) nginx.close();
            for (PackagedService r : replicas) r.close();
            db.close();
            writeResults();
        }
    }

    private void writeResults() throws IOException {
        StringBuilder md = new StringBuilder("# Topology rehearsal\n\n- date: "
                + DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                + "\n- replicas: 3 packaged jars (prod profile) on one embedded PostgreSQL 17, nginx "
                + "with docker/nginx/bonbu.conf in front\n\n| what | figure |\n| --- | --- |\n");
        for (Map.Entry<String, Object> e : figures.entrySet()) {
            md.append("| ")
                    .append(e.getKey())
                    .append(" | ")
                    .append(e.getValue())
                    .append(" |\n");
        }
        Files.createDirectories(DIR);
        Files.writeString(DIR.resolve("results.md"), md.toString());
    }

    /** One write, one public timeline entry: the administrator adds a public component. */
    private static void write(PackagedService replica, String key, int i) throws Exception {
        HttpResponse<String> r = post(
                replica,
                "/api/components",
                "{\"key\":\"" + key + "-" + i + "\",\"name\":{\"ko\":\"예행연습 " + i + "\",\"en\":\"Rehearsal " + i
                        + "\"},\"group\":\"시험\",\"kind\":\"PUBLIC_SERVICE\",\"tier\":3,\"public\":true}");
        assertEquals(201, r.statusCode(), r.body());
    }

    private static HttpResponse<String> post(PackagedService replica, String path, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(replica.uri(path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", auth)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long lastSeq(PackagedService replica) throws Exception {
        long seq = 0;
        while (true) {
            Map<?, ?> page = timeline(replica, seq);
            seq = ((Number) page.get("next")).longValue();
            if (!Boolean.TRUE.equals(page.get("more"))) return seq;
        }
    }

    /** Seqs of the PUBLIC entries after {@code from} up to {@code to}. */
    private static Set<Long> publicSeqs(PackagedService replica, long from, long to) throws Exception {
        Set<Long> seqs = new TreeSet<>();
        long cursor = from;
        while (cursor < to) {
            Map<?, ?> page = timeline(replica, cursor);
            for (Object o : (List<?>) page.get("entries")) {
                Map<?, ?> e = (Map<?, ?>) o;
                long seq = ((Number) e.get("seq")).longValue();
                if (seq <= to && "PUBLIC".equals(String.valueOf(e.get("audience")))) seqs.add(seq);
            }
            long next = ((Number) page.get("next")).longValue();
            if (next == cursor) break;
            cursor = next;
        }
        return seqs;
    }

    private static Map<?, ?> timeline(PackagedService replica, long since) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(replica.uri("/api/timeline?since=" + since + "&limit=1000"))
                        .header("Authorization", auth)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readValue(r.body(), Map.class);
    }

    private static final Pattern PUBLIC_CONNECTIONS =
            Pattern.compile("bonbu_live_connections\\{endpoint=\"public\"[^}]*}\\s+([0-9.]+)");

    private static int publicConnections(PackagedService replica) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(replica.uri("/q/metrics"))
                        .header("Authorization", auth)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = PUBLIC_CONNECTIONS.matcher(r.body());
        return m.find() ? (int) Double.parseDouble(m.group(1)) : -1;
    }

    private static void awaitAllOpen(List<ResumingClient> clients, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            if (clients.stream().allMatch(ResumingClient::isOpen)) return;
            Thread.sleep(100);
        }
        throw new AssertionError("not every client connected through nginx in " + seconds + " s");
    }

    private static void awaitEveryone(List<ResumingClient> clients, Set<Long> expected, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = clients.stream()
                    .allMatch(c -> c.received().stream()
                            .map(ResumingClient.Received::seq)
                            .toList()
                            .containsAll(expected));
            if (all) return;
            Thread.sleep(200);
        }
        // Let the assertions that follow say what is missing.
    }

    private static void awaitMirror(Path mirror, String key, int seconds) throws Exception {
        Path summary = mirror.resolve("api/v2/summary.json");
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(summary)) {
                String s = Files.readString(summary);
                if (s.contains(key)) return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the mirror did not reach the last state in " + seconds + " s");
    }

    private static void awaitStatus(URI uri, int status, int seconds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == status) return;
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError(uri + " did not answer " + status + " in " + seconds + " s");
    }

    private static long micros(String at) {
        Instant i = Instant.parse(at);
        return i.getEpochSecond() * 1_000_000 + i.getNano() / 1000;
    }

    private static long pct(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String ms(long micros) {
        return String.format(java.util.Locale.ROOT, "%.1f", micros / 1000.0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Collections.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
