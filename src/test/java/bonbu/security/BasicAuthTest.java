package bonbu.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.security.account.AccountService;
import bonbu.support.Api;
import bonbu.support.Console;
import bonbu.support.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP Basic (demo and tests) goes through the console form's throttle and audit, and a
 * remembered password never outlives a change to its account.
 */
@QuarkusTest
class BasicAuthTest {

    static final String PASSWORD = "a-long-enough-password";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AccountService accounts;

    String newAccount(Set<String> roles) {
        String name = Api.uniqueKey("basic");
        accounts.create(name, "Basic test", PASSWORD, roles, false, "test");
        return name;
    }

    static Response basic(String username, String password, String path) {
        return given().auth().preemptive().basic(username, password).get(path);
    }

    /** Every test signs in from 127.0.0.1: leave the address's count as other tests expect it. */
    @AfterEach
    void forgetAddresses() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM sign_in_throttle WHERE key LIKE 'address:%'");
        }
    }

    static List<Map<?, ?>> failuresOf(String name, long since) {
        return Api.entriesOfType("security.sign_in_failed", since).stream()
                .<Map<?, ?>>map(e -> (Map<?, ?>) e.get("data"))
                .filter(d -> name.equals(d.get("username")))
                .toList();
    }

    @Test
    void wrongPasswordsAreThrottledLikeTheFormsAndRecorded() {
        String name = newAccount(Set.of(Roles.VIEWER));
        long before = Api.lastSeq();
        assertEquals(200, basic(name, PASSWORD, "/api/components").statusCode());
        for (int i = 1; i <= 4; i++) {
            Response r = basic(name, "wrong-" + i, "/api/components");
            assertEquals(401, r.statusCode(), "attempt " + i);
            assertEquals("application/problem+json", r.contentType());
            assertNull(r.header("Retry-After"), "attempt " + i + " is not throttled yet");
        }
        Response fifth = basic(name, "wrong-5", "/api/components");
        assertEquals(401, fifth.statusCode());
        assertEquals("2", fifth.header("Retry-After"));
        assertTrue(fifth.asString().contains("wait 2 seconds"), fifth.asString());

        // Now even the right password (remembered from the first call) waits, by either way in.
        Response right = basic(name, PASSWORD, "/api/components");
        assertEquals(429, right.statusCode(), right.asString());
        assertEquals("application/problem+json", right.contentType());
        assertEquals("2", right.header("Retry-After"));
        assertEquals(429, right.jsonPath().getInt("status"));
        assertTrue(right.jsonPath().getString("detail").contains("Wait 2 seconds"), right.asString());
        assertEquals(429, Console.attempt(name, PASSWORD, null).statusCode(), "the form counts Basic's failures");

        TestClock.advance(Duration.ofSeconds(3));
        assertEquals(200, basic(name, PASSWORD, "/api/components").statusCode());

        List<Map<?, ?>> failures = failuresOf(name, before);
        assertEquals(5, failures.size(), "every failure is recorded; the throttled attempts are not failures");
        Map<?, ?> last = failures.get(4);
        assertEquals("wrong password", last.get("reason"));
        assertEquals("basic", last.get("via"));
        assertEquals(5, last.get("accountFailures"));
        assertEquals(2, last.get("waitSeconds"));
        Map<String, Object> entry = Api.entriesOfType("security.sign_in_failed", before).stream()
                .filter(e -> name.equals(((Map<?, ?>) e.get("data")).get("username")))
                .findFirst()
                .orElseThrow();
        assertEquals("STAFF", entry.get("audience"));
        assertEquals("anonymous", entry.get("actor"));
    }

    @Test
    void aNameNoAccountCouldHaveIsAnOrdinaryRecordedFailure() {
        long before = Api.lastSeq();
        Response r = basic("nul\u0000" + Api.uniqueKey("name"), "whatever-password", "/api/components");
        assertEquals(401, r.statusCode(), r.asString());
        assertEquals("application/problem+json", r.contentType());
        assertTrue(
                Api.entriesOfType("security.sign_in_failed", before).stream()
                        .map(e -> (Map<?, ?>) e.get("data"))
                        .anyMatch(d -> String.valueOf(d.get("username")).startsWith("nul\uFFFD")
                                && "unknown account".equals(d.get("reason"))),
                "recorded as an unknown account");
    }

    @Test
    void aDisabledAccountsBasicCredentialsStopAtOnceAndComeBackWhenEnabled() {
        String name = newAccount(Set.of(Roles.VIEWER));
        long before = Api.lastSeq();
        assertEquals(200, basic(name, PASSWORD, "/api/components").statusCode());
        assertEquals(200, basic(name, PASSWORD, "/api/components").statusCode());
        Api.as("admin").post("/api/accounts/{u}/disable", name).then().statusCode(200);
        Response refused = basic(name, PASSWORD, "/api/components");
        assertEquals(401, refused.statusCode());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("account disabled", failuresOf(name, before).get(0).get("reason"));

        Api.as("admin").post("/api/accounts/{u}/enable", name).then().statusCode(200);
        assertEquals(200, basic(name, PASSWORD, "/api/components").statusCode());
    }

    @Test
    void aChangeCommittedByAnotherReplicaTakesEffectOnTheNextRequest() throws Exception {
        String name = newAccount(Set.of(Roles.VIEWER));
        assertEquals(200, basic(name, PASSWORD, "/api/components").statusCode());
        // Another replica's commit reaches this one only through PostgreSQL: change the row there.
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("UPDATE staff_account SET disabled_at = now() WHERE username = ?")) {
            ps.setString(1, name);
            assertEquals(1, ps.executeUpdate());
        }
        assertEquals(401, basic(name, PASSWORD, "/api/components").statusCode());
    }

    @Test
    void removedRolesAndAResetPasswordTakeEffectOnTheNextRequest() {
        String name = newAccount(Set.of(Roles.VIEWER, Roles.ADMIN));
        assertEquals(200, basic(name, PASSWORD, "/api/accounts").statusCode());
        Api.as("admin")
                .body(Map.of("roles", List.of(Roles.VIEWER)))
                .put("/api/accounts/{u}/roles", name)
                .then()
                .statusCode(200);
        assertEquals(403, basic(name, PASSWORD, "/api/accounts").statusCode());
        assertEquals(200, basic(name, PASSWORD, "/api/components").statusCode());

        String renewed = "a-brand-new-long-password";
        Api.as("admin")
                .body(Map.of("password", renewed))
                .post("/api/accounts/{u}/password", name)
                .then()
                .statusCode(200);
        assertEquals(401, basic(name, PASSWORD, "/api/components").statusCode());
        assertEquals(200, basic(name, renewed, "/api/components").statusCode());
    }
}
