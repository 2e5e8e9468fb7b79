package bonbu.security;

import static bonbu.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import bonbu.support.Api;
import bonbu.support.Console;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountAdminTest {

    static final String PASSWORD = "correct-horse-battery";

    static String newAccount(String role) {
        String name = Api.uniqueKey("acct");
        as("admin")
                .body(Map.of(
                        "username", name, "displayName", "Test " + name, "password", PASSWORD, "roles", List.of(role)))
                .post("/api/accounts")
                .then()
                .statusCode(201)
                .body("username", equalTo(name))
                .body("roles", equalTo(List.of(role)))
                .body("disabled", equalTo(false));
        return name;
    }

    @Test
    void anAdminCreatesAnAccountThatCanSignInAndSeesItListed() {
        long before = Api.lastSeq();
        String name = newAccount(Roles.RESPONDER);
        assertEquals(303, Console.attempt(name, PASSWORD, null).statusCode());
        as("admin").get("/api/accounts").then().statusCode(200).body("username", hasItem(name));
        assertEquals(
                1,
                Api.entriesOfType("account.created", before).stream()
                        .filter(e -> name.equals(((Map<?, ?>) e.get("data")).get("username")))
                        .count());
    }

    @Test
    void badAccountsAreRefusedAndNothingIsWritten() {
        long before = Api.lastSeq();
        String name = Api.uniqueKey("acct");
        as("admin")
                .body(Map.of("username", name, "displayName", "x", "password", "short", "roles", List.of("viewer")))
                .post("/api/accounts")
                .then()
                .statusCode(400)
                .body("detail", containsString("at least 12 characters"));
        as("admin")
                .body(Map.of("username", name, "displayName", "x", "password", PASSWORD, "roles", List.of("wizard")))
                .post("/api/accounts")
                .then()
                .statusCode(400)
                .body("allowed", hasItem("viewer"));
        as("admin")
                .body(Map.of("username", name, "displayName", "x", "password", PASSWORD, "roles", List.of()))
                .post("/api/accounts")
                .then()
                .statusCode(400);
        as("admin")
                .body(Map.of(
                        "username",
                        "break-glass",
                        "displayName",
                        "x",
                        "password",
                        PASSWORD,
                        "roles",
                        List.of("viewer")))
                .post("/api/accounts")
                .then()
                .statusCode(409);
        as("admin")
                .body(Map.of(
                        "username", "commander", "displayName", "x", "password", PASSWORD, "roles", List.of("viewer")))
                .post("/api/accounts")
                .then()
                .statusCode(409);
        assertEquals(before, Api.lastSeq());
    }

    @Test
    void aRoleChangeTakesEffectOnTheNextRequestOfAnOpenSession() {
        String name = newAccount(Roles.VIEWER);
        String key = Api.uniqueKey("acct");
        Api.createComponent(key);
        String cookie = Console.signIn(name, PASSWORD).cookie();
        java.util.function.Supplier<io.restassured.specification.RequestSpecification> change =
                () -> io.restassured.RestAssured.given()
                        .cookie("bonbu_session", cookie)
                        .contentType("application/json")
                        .body(Map.of("status", "degraded_performance", "reason", "role test"));
        change.get().post("/api/components/{k}/status", key).then().statusCode(403);
        as("admin")
                .body(Map.of("roles", List.of("responder")))
                .put("/api/accounts/{u}/roles", name)
                .then()
                .statusCode(200)
                .body("roles", equalTo(List.of("responder")));
        change.get().post("/api/components/{k}/status", key).then().statusCode(200);
    }

    @Test
    void disablingEndsSessionsAndTokensAndEnablingLetsTheAccountBackIn() {
        String name = newAccount(Roles.RESPONDER);
        String cookie = Console.signIn(name, PASSWORD).cookie();
        String token = io.restassured.RestAssured.given()
                .cookie("bonbu_session", cookie)
                .contentType("application/json")
                .body(Map.of("name", "bot"))
                .post("/api/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        as("admin")
                .post("/api/accounts/{u}/disable", name)
                .then()
                .statusCode(200)
                .body("disabled", equalTo(true));
        assertEquals(401, SessionTest.api(cookie));
        io.restassured.RestAssured.given()
                .header("Authorization", "Bearer " + token)
                .get("/api/tasks?assignee=me")
                .then()
                .statusCode(401);
        assertEquals(401, Console.attempt(name, PASSWORD, null).statusCode());
        as("admin").post("/api/accounts/{u}/disable", name).then().statusCode(409);

        as("admin")
                .post("/api/accounts/{u}/enable", name)
                .then()
                .statusCode(200)
                .body("disabled", equalTo(false));
        assertEquals(303, Console.attempt(name, PASSWORD, null).statusCode());
    }

    @Test
    void aPasswordResetEndsSessionsAndOnlyTheNewPasswordWorks() {
        String name = newAccount(Roles.VIEWER);
        String cookie = Console.signIn(name, PASSWORD).cookie();
        as("admin")
                .body(Map.of("password", "a-brand-new-password"))
                .post("/api/accounts/{u}/password", name)
                .then()
                .statusCode(200);
        assertEquals(401, SessionTest.api(cookie));
        assertEquals(401, Console.attempt(name, PASSWORD, null).statusCode());
        assertEquals(303, Console.attempt(name, "a-brand-new-password", null).statusCode());
    }

    @Test
    void onlyAdminsAdministerAccountsAndRefusalsAreAudited() {
        long before = Api.lastSeq();
        as("commander").get("/api/accounts").then().statusCode(403);
        as("commander")
                .body(Map.of("roles", List.of("admin")))
                .put("/api/accounts/{u}/roles", "commander")
                .then()
                .statusCode(403);
        as("admin").post("/api/accounts/{u}/disable", "admin").then().statusCode(409);
        as("admin").post("/api/accounts/{u}/disable", "nobody-here").then().statusCode(404);
        assertEquals(before, Api.lastSeq());
        var refused = Api.entriesOfType("security.access_refused", before).stream()
                .map(e -> (Map<?, ?>) e.get("data"))
                .filter(d -> "commander".equals(d.get("username")))
                .toList();
        org.junit.jupiter.api.Assertions.assertTrue(
                refused.stream()
                        .anyMatch(d ->
                                "PUT".equals(d.get("method")) && "/api/accounts/commander/roles".equals(d.get("path"))),
                refused.toString());
    }

    @Test
    void anInvalidAccountNameIsABadRequestStatingTheRule() {
        long before = Api.lastSeq();
        List<String> bad = List.of("Bad Name", "x", "1-starts-with-a-digit", "UPPER", "a".repeat(64), "with/slash");
        for (String name : bad) {
            as("admin")
                    .body(Map.of(
                            "username", name, "displayName", "x", "password", PASSWORD, "roles", List.of("viewer")))
                    .post("/api/accounts")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("username"))
                    .body("detail", containsString("2–63 lower-case letters, digits, '.', '_' or '-'"));
        }
        Console.Signed admin = Console.signIn("admin");
        String page = io.restassured.RestAssured.given()
                .cookie("bonbu_session", admin.cookie())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(Map.of(
                        "csrf",
                        admin.csrf(),
                        "username",
                        "Bad Name",
                        "displayName",
                        "x",
                        "password",
                        PASSWORD,
                        "role",
                        "viewer"))
                .post("/console/accounts")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("starting with a letter"), page);
        List<String> listed = as("admin").get("/api/accounts").then().extract().path("username");
        for (String name : bad) {
            org.junit.jupiter.api.Assertions.assertFalse(listed.contains(name), name + " was stored");
        }
        assertEquals(before, Api.lastSeq(), "nothing was written");
    }

    @Test
    void aPasswordNeedsTwelveCharactersThatAreNotSpaces() {
        String name = Api.uniqueKey("acct");
        long before = Api.lastSeq();
        List<String> bad = List.of(" ".repeat(11) + "x", "a b c d e f g h i j k", "\t".repeat(20), "short");
        for (String password : bad) {
            as("admin")
                    .body(Map.of(
                            "username", name, "displayName", "x", "password", password, "roles", List.of("viewer")))
                    .post("/api/accounts")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("password"))
                    .body("detail", containsString("at least 12 characters that are not spaces"));
        }
        as("admin").get("/api/accounts/{u}", name).then().statusCode(404);
        assertEquals(before, Api.lastSeq(), "nothing was written");

        String existing = newAccount(Roles.VIEWER);
        before = Api.lastSeq();
        for (String password : bad) {
            as("admin")
                    .body(Map.of("password", password))
                    .post("/api/accounts/{u}/password", existing)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("password"));
        }
        assertEquals(before, Api.lastSeq(), "no password was reset");
        assertEquals(303, Console.attempt(existing, PASSWORD, null).statusCode(), "the old password still works");
        // Spaces may be part of a passphrase; they just do not count.
        as("admin")
                .body(Map.of("password", "correct horse battery staple"))
                .post("/api/accounts/{u}/password", existing)
                .then()
                .statusCode(200);
        assertEquals(
                303,
                Console.attempt(existing, "correct horse battery staple", null).statusCode());
    }
}
