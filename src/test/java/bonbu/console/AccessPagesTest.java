package bonbu.console;

import static bonbu.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.Api;
import bonbu.support.Console;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessPagesTest {

    static final String PASSWORD = "console-made-password";

    @Test
    void anAdminRunsAnAccountsWholeLifeFromTheAccountsPage() {
        String name = Api.uniqueKey("person");
        Pages.post(
                        "admin",
                        "/console/accounts",
                        Map.of(
                                "username",
                                name,
                                "displayName",
                                "담당자 " + name,
                                "password",
                                PASSWORD,
                                "role",
                                "responder"))
                .statusCode(303)
                .header("Location", containsString("/console/accounts"));
        String page = Pages.get("admin", "/console/accounts");
        assertTrue(page.contains("id=\"account-" + name + "\""), "listed");
        assertEquals(303, Console.attempt(name, PASSWORD, null).statusCode());

        Pages.post(
                        "admin",
                        "/console/accounts/" + name + "/roles",
                        Map.of("role", List.of("responder", "communicator")))
                .statusCode(303);
        as("admin").get("/api/accounts/{u}", name).then().body("roles", equalTo(List.of("communicator", "responder")));

        Pages.post("admin", "/console/accounts/" + name + "/disable", Map.of()).statusCode(303);
        assertEquals(401, Console.attempt(name, PASSWORD, null).statusCode());
        Pages.post("admin", "/console/accounts/" + name + "/enable", Map.of()).statusCode(303);
        Pages.post("admin", "/console/accounts/" + name + "/password", Map.of("password", "another-long-password"))
                .statusCode(303);
        assertEquals(401, Console.attempt(name, PASSWORD, null).statusCode());
        assertEquals(303, Console.attempt(name, "another-long-password", null).statusCode());
    }

    @Test
    void aRefusedAccountFormSaysWhyKeepsWhatWasTypedAndWritesNothing() {
        long before = Api.lastSeq();
        String name = Api.uniqueKey("person");
        String html = Pages.post(
                        "admin",
                        "/console/accounts",
                        Map.of("username", name, "displayName", "<b>이름</b>", "password", "short", "role", "viewer"))
                .statusCode(400)
                .extract()
                .asString();
        assertTrue(html.contains("at least 12 characters"), html);
        assertTrue(html.contains("value=\"" + name + "\""), "the account name typed is kept");
        assertTrue(html.contains("value=\"&lt;b&gt;이름&lt;/b&gt;\""), "and the name, escaped");
        Pages.post("admin", "/console/accounts/admin/disable", Map.of()).statusCode(409);
        assertEquals(before, Api.lastSeq());
    }

    @Test
    void onlyAdminsSeeTheAccountsPage() {
        given().cookie("bonbu_session", Console.signIn("commander").cookie())
                .get("/console/accounts")
                .then()
                .statusCode(403);
        assertFalse(Pages.get("commander", "/console").contains("href=\"/console/accounts\""));
        assertTrue(Pages.get("admin", "/console").contains("href=\"/console/accounts\""));
    }

    @Test
    void everyoneMakesTheirOwnTokenSeesItOnceAndRevokesIt() {
        String created = Pages.post("viewer", "/console/tokens", Map.of("name", "대시보드 " + Api.PASSWORD, "days", "30"))
                .statusCode(201)
                .extract()
                .asString();
        Matcher m =
                Pattern.compile("<code id=\"token-value\">(bonbu_[^<]+)</code>").matcher(created);
        assertTrue(m.find(), created);
        String token = m.group(1);
        given().header("Authorization", "Bearer " + token)
                .get("/api/incidents")
                .then()
                .statusCode(200);

        String list = Pages.get("viewer", "/console/tokens");
        assertFalse(list.contains(token), "the secret is shown only once");
        Matcher row =
                Pattern.compile("data-token=\"(\\d+)\"><th scope=\"row\">대시보드").matcher(list);
        assertTrue(row.find(), list);
        Pages.post("viewer", "/console/tokens/" + row.group(1) + "/revoke", Map.of())
                .statusCode(303);
        given().header("Authorization", "Bearer " + token)
                .get("/api/incidents")
                .then()
                .statusCode(401);
        Pages.post("comms", "/console/tokens/" + row.group(1) + "/revoke", Map.of())
                .statusCode(404);
        Pages.post("viewer", "/console/tokens", Map.of("name", "x", "days", "0"))
                .statusCode(400);
    }
}
