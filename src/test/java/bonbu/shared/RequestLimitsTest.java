package bonbu.shared;

import static bonbu.support.Api.as;
import static bonbu.support.Api.lastSeq;
import static bonbu.support.Api.uniqueKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.shared.web.ProblemMapper;
import bonbu.statuspage.PublicSite;
import bonbu.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Methods an address does not serve get 405, and a body over 1 MiB without a length gets a 413 problem. */
@QuarkusTest
class RequestLimitsTest {

    @Test
    void healthAndOtherReadOnlyAddressesRefuseEveryOtherMethod() {
        for (String path :
                List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/openapi", "/static/console.css")) {
            for (String method : List.of("TRACE", "PROPFIND", "POST", "PUT", "DELETE", "OPTIONS")) {
                given().request(method, path)
                        .then()
                        .statusCode(405)
                        .header("Allow", "GET, HEAD")
                        .contentType("application/problem+json")
                        .body("status", equalTo(405))
                        .body("detail", containsString(method + " is not served here"));
            }
        }
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().head("/q/health/live").then().statusCode(200);
        given().get("/static/console.css").then().statusCode(200);
    }

    @Test
    void publicPagesAndTheApiRefuseMethodsTheyDoNotServe() {
        PublicSite.awaitSnapshot();
        for (String path : List.of("/", "/en/", "/history", "/api/v2/summary.json")) {
            for (String method : List.of("TRACE", "PROPFIND", "POST", "DELETE")) {
                given().request(method, path)
                        .then()
                        .statusCode(405)
                        .header("Allow", "GET, HEAD, OPTIONS")
                        .contentType("application/problem+json");
            }
            given().get(path).then().statusCode(200);
        }
        for (String method : List.of("TRACE", "PROPFIND")) {
            as("admin")
                    .request(method, "/api/components")
                    .then()
                    .statusCode(405)
                    .contentType("application/problem+json");
            as("admin")
                    .request(method, "/console/sign-in")
                    .then()
                    .statusCode(405)
                    .contentType("application/problem+json");
        }
        // Nothing at all at this address: 404 whatever the method.
        as("admin").request("PROPFIND", "/nothing-here").then().statusCode(404);
    }

    @Test
    void aChunkedBodyOverOneMebibyteGetsAProblemAnswerAndNothingInTheLog() throws Exception {
        String key = uniqueKey("chunked");
        long before = lastSeq();
        List<LogRecord> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (logged) {
                    logged.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String answer;
        try {
            String start = "{\"key\":\"" + key + "\",\"description\":{\"ko\":\"";
            answer = chunked("/api/components", start, 1024 * 1024 + 1, "\"}}");
            Thread.sleep(500); // anything the failed request logs afterwards
        } finally {
            root.removeHandler(capture);
        }
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains("\"title\":\"Request too large\""), answer);
        assertTrue(answer.contains("larger than 1 MiB"), answer);
        synchronized (logged) {
            for (LogRecord record : logged) {
                String text = record.getMessage() + (record.getThrown() == null ? "" : " " + record.getThrown());
                assertTrue(
                        !text.contains("already been written") && !text.contains("Request too large"),
                        "logged: " + text);
                String logger = String.valueOf(record.getLoggerName());
                boolean http = logger.startsWith("io.quarkus.vertx")
                        || logger.startsWith("io.vertx")
                        || logger.startsWith("org.jboss.resteasy")
                        || logger.equals(ProblemMapper.class.getName());
                assertTrue(
                        !http || record.getLevel().intValue() < java.util.logging.Level.SEVERE.intValue(),
                        "an error was logged by " + logger + ": " + text);
            }
        }
        as("viewer").get("/api/components/{k}", key).then().statusCode(404);
        assertEquals(before, lastSeq(), "nothing was written");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadAsUsual() throws Exception {
        String key = uniqueKey("chunked-ok");
        String body =
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Api.component(key, 3, false));
        String answer = chunked("/api/components", body, 0, "");
        assertTrue(answer.startsWith("HTTP/1.1 201"), answer);
        as("viewer").get("/api/components/{k}", key).then().statusCode(200).body("tier", equalTo(3));
    }

    /**
     * POSTs {@code start}, {@code filler} bytes of "a" and {@code end} as a chunked JSON body as the
     * admin, and answers the raw response.
     */
    static String chunked(String path, String start, int filler, String end) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    String credentials = Base64.getEncoder()
                            .encodeToString(("admin:" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
                    out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + credentials
                                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    chunk(out, start.getBytes(StandardCharsets.UTF_8));
                    byte[] block = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                    for (int left = filler; left > 0; left -= block.length) {
                        chunk(out, left >= block.length ? block : java.util.Arrays.copyOf(block, left));
                    }
                    chunk(out, end.getBytes(StandardCharsets.UTF_8));
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // The server may stop reading once it has answered.
                }
            });
            writer.start();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(answer);
            } catch (IOException e) {
                // closed after the answer
            }
            writer.join(10_000);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        if (data.length == 0) return;
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
