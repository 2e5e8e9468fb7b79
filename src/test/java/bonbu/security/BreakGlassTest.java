package bonbu.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import bonbu.support.Api;
import bonbu.support.Console;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BreakGlassTest {

    /** The test profile's break-glass hash is of this password (application.properties, %test). */
    static final String PASSWORD = "break-glass-test-only";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theBreakGlassAccountGetsInWhenEveryOtherAccountIsLockedAndEveryUseIsRecorded() throws Exception {
        long before = Api.lastSeq();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            // Lock every stored account as a run of failed sign-ins would.
            s.executeUpdate("INSERT INTO sign_in_throttle (key, failures, last_failure_at, blocked_until)"
                    + " SELECT 'account:' || username, 99, now(), timestamptz '9999-12-31' FROM staff_account"
                    + " ON CONFLICT (key) DO UPDATE SET blocked_until = EXCLUDED.blocked_until");
        }
        String cookie;
        try {
            assertEquals(429, Console.attempt("admin", Api.PASSWORD, null).statusCode());
            cookie = Console.signIn("break-glass", PASSWORD).cookie();
        } finally {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM sign_in_throttle WHERE key LIKE 'account:%' AND failures = 99");
            }
        }
        List<Map<String, Object>> uses = Api.entriesOfType("security.break_glass_used", before);
        assertEquals(1, uses.size());
        assertEquals("STAFF", uses.get(0).get("audience"));

        // It can act, and what it does is recorded under its own name.
        String key = Api.uniqueKey("glass");
        given().cookie("bonbu_session", cookie)
                .contentType("application/json")
                .body(Api.component(key, 3, true))
                .post("/api/components")
                .then()
                .statusCode(201);
        Map<String, Object> created = Api.entriesOfType("component.created", before).stream()
                .filter(e -> key.equals(((Map<?, ?>) e.get("data")).get("key")))
                .findFirst()
                .orElseThrow();
        assertEquals("break-glass", created.get("actor"));

        // Every console page, for everyone, says so.
        String board = given().cookie("bonbu_session", Console.signIn("viewer").cookie())
                .get("/console")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertTrue(
                board.contains("class=\"break-glass\" role=\"alert\"")
                        && board.contains("break-glass account signed in"),
                "the board shows the break-glass banner");
    }

    @Test
    void aWrongBreakGlassPasswordIsAnOrdinaryFailure() {
        long before = Api.lastSeq();
        assertEquals(401, Console.attempt("break-glass", "not-it", null).statusCode());
        assertFalse(Api.entriesOfType("security.sign_in_failed", before).stream()
                .noneMatch(e -> "break-glass".equals(((Map<?, ?>) e.get("data")).get("username"))));
    }
}
