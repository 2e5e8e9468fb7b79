package bonbu.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.Api;
import bonbu.support.Console;
import bonbu.support.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionTest {

    @Inject
    AgroalDataSource dataSource;

    static int api(String cookie) {
        return given().cookie("bonbu_session", cookie)
                .get("/api/tasks?assignee=me")
                .statusCode();
    }

    String originOf(long seq) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT origin FROM timeline_entry WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void signingInSetsAStrictHttpOnlySessionCookieAndRecordsWhoAndFromWhere() throws Exception {
        long before = Api.lastSeq();
        Response response = Console.attempt("responder", Api.PASSWORD, null);
        assertEquals(303, response.statusCode());
        assertTrue(response.header("Location").endsWith("/console"), response.header("Location"));
        String setCookie = response.headers().getValues("Set-Cookie").stream()
                .filter(h -> h.startsWith("bonbu_session="))
                .findFirst()
                .orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("Path=/"), setCookie);
        assertFalse(setCookie.contains("Secure"), "not over plain HTTP: " + setCookie);
        String cookie = response.cookie("bonbu_session");
        assertTrue(cookie.length() >= 40, "a long random id");

        assertEquals(200, api(cookie));
        List<Map<String, Object>> signedIn = Api.entriesOfType("security.signed_in", before);
        Map<String, Object> mine = signedIn.stream()
                .filter(e -> "responder".equals(e.get("actor")))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertEquals("127.0.0.1", originOf(((Number) mine.get("seq")).longValue()));
        // Only the hash of the session id is stored.
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM staff_session WHERE id_hash = ?")) {
            ps.setString(1, cookie);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
        }
    }

    @Test
    void signingInAgainGivesANewSessionIdAndEndsThePresentedOne() {
        String first = Console.signIn("responder").cookie();
        Response again = Console.attempt("responder", Api.PASSWORD, first);
        assertEquals(303, again.statusCode());
        String second = again.cookie("bonbu_session");
        assertNotEquals(first, second);
        assertEquals(401, api(first));
        assertEquals(200, api(second));
        // A page asked for with an ended session leads back to the sign-in form.
        given().redirects()
                .follow(false)
                .cookie("bonbu_session", first)
                .accept("text/html")
                .get("/console/tasks")
                .then()
                .statusCode(303)
                .header("Location", containsString("/console/sign-in?next=%2Fconsole%2Ftasks"));
    }

    @Test
    void signingOutEndsTheSessionEverywhere() {
        Console.Signed signed = Console.signIn("viewer");
        assertEquals(200, api(signed.cookie()));
        Response out = given().redirects()
                .follow(false)
                .cookie("bonbu_session", signed.cookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", signed.csrf())
                .post("/console/sign-out");
        assertEquals(303, out.statusCode());
        assertTrue(out.header("Location").contains("/console/sign-in?signedOut"));
        assertTrue(out.headers().getValues("Set-Cookie").stream()
                .anyMatch(h -> h.startsWith("bonbu_session=;") && h.contains("Max-Age=0")));
        assertEquals(401, api(signed.cookie()));
    }

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URI site;

    @Test
    void signingOutClosesThePersonsOpenConsoleWebsocket() throws Exception {
        Console.Signed signed = Console.signIn("viewer");
        var closed = new java.util.concurrent.CompletableFuture<Integer>();
        java.net.http.HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header("Cookie", "bonbu_session=" + signed.cookie())
                .buildAsync(
                        java.net.URI.create("ws://" + site.getHost() + ":" + site.getPort() + "/ws/console"),
                        new java.net.http.WebSocket.Listener() {
                            @Override
                            public java.util.concurrent.CompletionStage<?> onClose(
                                    java.net.http.WebSocket webSocket, int statusCode, String reason) {
                                closed.complete(statusCode);
                                return null;
                            }
                        })
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        given().redirects()
                .follow(false)
                .cookie("bonbu_session", signed.cookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", signed.csrf())
                .post("/console/sign-out")
                .then()
                .statusCode(303);
        assertEquals(4001, closed.get(10, java.util.concurrent.TimeUnit.SECONDS));
    }

    @Test
    void aSessionEndsAfterHalfAnHourIdleAndTwelveHoursInAll() {
        String idle = Console.signIn("viewer").cookie();
        TestClock.advance(Duration.ofMinutes(29));
        assertEquals(200, api(idle), "29 minutes idle: still signed in");
        TestClock.advance(Duration.ofMinutes(31));
        assertEquals(401, api(idle), "31 minutes idle: signed out");

        String busy = Console.signIn("viewer").cookie();
        for (int i = 0; i < 28; i++) { // 28 × 25 min = 11 h 40 min, never idle for long
            TestClock.advance(Duration.ofMinutes(25));
            assertEquals(200, api(busy), "after " + (i + 1) * 25 + " minutes");
        }
        TestClock.advance(Duration.ofMinutes(25)); // 12 h 05 min after sign-in
        assertEquals(401, api(busy), "twelve hours after sign-in the session ends however busy");
    }

    @Test
    void wrongPasswordShowsTheFormAgainWithoutSayingWhichPartWasWrong() {
        Response wrong = Console.attempt("viewer", "not-the-password", null);
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.asString().contains("Wrong username or password."));
        Response unknown = Console.attempt("nobody-" + Api.uniqueKey("x"), "whatever-password", null);
        assertEquals(401, unknown.statusCode());
        assertTrue(unknown.asString().contains("Wrong username or password."));
        assertFalse(wrong.headers().getValues("Set-Cookie").stream().anyMatch(h -> h.startsWith("bonbu_session=")));
    }

    @Test
    void apiClientsWithoutCredentialsAreToldHowToSignIn() {
        given().get("/api/tasks?assignee=me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer realm=\"bonbu\""))
                .body("detail", containsString("/console/sign-in"));
    }
}
