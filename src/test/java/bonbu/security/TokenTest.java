package bonbu.security;

import static bonbu.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.Api;
import bonbu.support.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TokenTest {

    @Inject
    AgroalDataSource dataSource;

    static JsonPath create(String username, Map<String, Object> body) {
        return as(username)
                .body(body)
                .post("/api/tokens")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    static int statusWith(String token, String key) {
        return given().header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(Map.of("status", "degraded_performance", "reason", "token test"))
                .post("/api/components/{k}/status", key)
                .statusCode();
    }

    @Test
    void aTokenActsWithItsAccountsRolesUntilItIsRevoked() throws Exception {
        String key = Api.uniqueKey("token");
        Api.createComponent(key);
        JsonPath created = create("responder", Map.of("name", "status bot"));
        String token = created.getString("token");
        assertTrue(token.startsWith("bonbu_"), token);
        assertEquals(200, statusWith(token, key));

        // Listed by prefix, never by value; stored only hashed.
        as("responder")
                .get("/api/tokens")
                .then()
                .statusCode(200)
                .body("name", hasItem("status bot"))
                .body("find { it.id == " + created.getLong("id") + " }.prefix", equalTo(token.substring(0, 12)))
                .body("find { it.id == " + created.getLong("id") + " }.token", equalTo(null))
                .body("find { it.id == " + created.getLong("id") + " }.active", equalTo(true));
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM api_token WHERE token_hash = ?")) {
            ps.setString(1, token);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
        }

        // Nobody else may revoke it; its holder may.
        as("viewer").delete("/api/tokens/{id}", created.getLong("id")).then().statusCode(404);
        as("responder")
                .delete("/api/tokens/{id}", created.getLong("id"))
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("revokedBy", equalTo("responder"));
        assertEquals(401, statusWith(token, key));
        as("responder").delete("/api/tokens/{id}", created.getLong("id")).then().statusCode(409);
    }

    @Test
    void aTokenCarriesNoMoreThanItsAccountMay() {
        String key = Api.uniqueKey("token");
        Api.createComponent(key);
        String token = create("viewer", Map.of("name", "dashboard")).getString("token");
        assertEquals(403, statusWith(token, key));
        given().header("Authorization", "Bearer " + token)
                .get("/api/components/{k}", key)
                .then()
                .statusCode(200);
    }

    @Test
    void anExpiredTokenStopsWorking() {
        String key = Api.uniqueKey("token");
        Api.createComponent(key);
        String token = create(
                        "responder",
                        Map.of(
                                "name",
                                "short-lived",
                                "expiresAt",
                                TestClock.now().plus(Duration.ofMinutes(5)).toString()))
                .getString("token");
        assertEquals(200, statusWith(token, key));
        TestClock.advance(Duration.ofMinutes(6));
        assertEquals(401, statusWith(token, key));
    }

    @Test
    void badTokenRequestsAreRefusedAndWriteNothing() {
        long before = Api.lastSeq();
        as("responder").body(Map.of("name", " ")).post("/api/tokens").then().statusCode(400);
        as("responder")
                .body(Map.of("name", "past", "expiresAt", "2020-01-01T00:00:00Z"))
                .post("/api/tokens")
                .then()
                .statusCode(400);
        assertEquals(before, Api.lastSeq());
        given().header("Authorization", "Bearer bonbu_not-a-real-token")
                .get("/api/tasks?assignee=me")
                .then()
                .statusCode(401);
    }

    @Test
    void onlyAdminsSeeOtherAccountsTokens() {
        create("comms", Map.of("name", "press desk"));
        as("viewer").get("/api/tokens?username=comms").then().statusCode(403);
        as("admin").get("/api/tokens?username=comms").then().statusCode(200).body("name", hasItem("press desk"));
        as("comms").get("/api/tokens").then().body("username", not(hasItem("viewer")));
        assertFalse(as("admin")
                .get("/api/tokens?username=*")
                .jsonPath()
                .getList("id")
                .isEmpty());
    }
}
