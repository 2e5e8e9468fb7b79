package bonbu.security.signin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.security.Roles;
import bonbu.security.account.AccountService;
import bonbu.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Where the sign-in form sends a person afterwards ({@code next}) is checked before anything is
 * written: a value that is not a plain path on this site is ignored and the person lands on the
 * board, signed in once, with no 500 and no session left behind that the browser did not get.
 */
@QuarkusTest
class SignInNextTest {

    static final String PASSWORD = "a-long-enough-password";

    static final List<String> BAD = List.of(
            "/console x",
            "/console/<script>alert(1)</script>",
            "/console\r\nSet-Cookie: planted=1",
            "/console\nx",
            "/console\tx",
            "/console\u007f",
            "/console\"x",
            "/console%zz",
            "/console/%",
            "//evil.example/console",
            "/\\evil.example",
            "https://evil.example/",
            "javascript:alert(1)",
            "console",
            "");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AccountService accounts;

    @Test
    void aBadNextIsIgnoredBeforeSignInAndThePersonLandsOnTheBoardSignedInOnce() throws Exception {
        String name = Api.uniqueKey("nexter");
        accounts.create(name, "Next test", PASSWORD, Set.of(Roles.VIEWER), false, "test");
        long before = Api.lastSeq();
        List<String> wrong = new ArrayList<>();
        List<String> cookies = new ArrayList<>();
        for (String next : BAD) {
            Response r = attempt(name, next);
            if (r.statusCode() != 303 || !"/console".equals(r.header("Location"))) {
                wrong.add(describe(next) + " → " + r.statusCode() + " " + r.header("Location") + " " + r.asString());
                continue;
            }
            String cookie = r.cookie("bonbu_session");
            cookies.add(cookie);
            given().cookie("bonbu_session", cookie)
                    .get("/api/tasks?assignee=me")
                    .then()
                    .statusCode(200);
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        // Each attempt made exactly the one session the browser was given, and one sign-in entry.
        assertEquals(BAD.size(), sessionsOf(name));
        assertEquals(BAD.size(), cookies.stream().distinct().count());
        long signedIn = Api.entriesOfType("security.signed_in", before).stream()
                .filter(e -> name.equals(((Map<?, ?>) e.get("data")).get("username")))
                .count();
        assertEquals(BAD.size(), signedIn);
    }

    @Test
    void theFormShownForABadNextCarriesTheBoardInstead() {
        for (String next : List.of("/console x", "/console<b>", "//evil.example", "/console\r\nx")) {
            String html = given().queryParam("next", next)
                    .get("/console/sign-in")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertTrue(html.contains("name=\"next\" value=\"/console\""), describe(next) + ": " + html);
        }
    }

    @Test
    void aGoodNextIsKeptWithItsQueryAndFragment() {
        String name = Api.uniqueKey("nexter");
        accounts.create(name, "Next test", PASSWORD, Set.of(Roles.VIEWER), false, "test");
        String next = "/console/incidents/INC-2023-0001?tab=roles&x=%ED%95%9C#updates";
        Response r = attempt(name, next);
        assertEquals(303, r.statusCode());
        assertEquals(next, r.header("Location"));
    }

    @Test
    void aWrongPasswordWithABadNextIsAnOrdinaryRefusal() throws Exception {
        String name = Api.uniqueKey("nexter");
        accounts.create(name, "Next test", PASSWORD, Set.of(Roles.VIEWER), false, "test");
        Response r = attempt(name, "/console x", "not-the-password");
        assertEquals(401, r.statusCode());
        assertFalse(r.headers().getValues("Set-Cookie").stream().anyMatch(h -> h.startsWith("bonbu_session=")));
        assertTrue(r.asString().contains("name=\"next\" value=\"/console\""));
        assertEquals(0, sessionsOf(name));
    }

    static Response attempt(String username, String next) {
        return attempt(username, next, PASSWORD);
    }

    static Response attempt(String username, String next, String password) {
        Response page = given().get("/console/sign-in");
        return given().redirects()
                .follow(false)
                .cookie(SignInPages.SIGN_IN_COOKIE, page.cookie(SignInPages.SIGN_IN_COOKIE))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(Map.of(
                        "csrf", csrfOf(page.asString()), "username", username, "password", password, "next", next))
                .post("/console/sign-in");
    }

    int sessionsOf(String username) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM staff_session WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static String describe(String next) {
        return "'" + next.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t") + "'";
    }

    @Test
    void afterSignInOnlyPathsOnThisSiteAreFollowed() {
        assertEquals("/console/tasks", SignInPages.safeNext("/console/tasks"));
        assertEquals("/console", SignInPages.safeNext("//evil.example/"));
        assertEquals("/console", SignInPages.safeNext("/\\evil.example/"));
        assertEquals("/console", SignInPages.safeNext("https://evil.example/"));
        assertEquals("/console", SignInPages.safeNext(null));
    }

    private static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) throw new AssertionError("No form token in the page: " + html);
        return m.group(1);
    }
}
