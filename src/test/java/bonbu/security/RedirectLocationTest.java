package bonbu.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.security.signin.SignInPages;
import bonbu.support.Api;
import bonbu.support.Console;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every Location the service answers is a path on this site: never a host taken from the
 * request's {@code Host} header, which a client (or a poisoned cache in front) chooses.
 */
@QuarkusTest
class RedirectLocationTest {

    static final String EVIL = "evil.example";

    @Test
    void aStaffPageAskedForWithoutASessionLeadsToTheSignInFormByPathAlone() {
        Response r = given().redirects()
                .follow(false)
                .header("Host", EVIL)
                .accept(ContentType.HTML)
                .get("/console/incidents/INC-2023-0001?tab=roles");
        assertEquals(303, r.statusCode());
        assertEquals(
                "/console/sign-in?next=%2Fconsole%2Fincidents%2FINC-2023-0001%3Ftab%3Droles", r.header("Location"));
    }

    @Test
    void signingInAndOutAnswersWithPathsAlone() {
        Response page = given().header("Host", EVIL).get("/console/sign-in");
        Response in = given().redirects()
                .follow(false)
                .header("Host", EVIL)
                .cookie(SignInPages.SIGN_IN_COOKIE, page.cookie(SignInPages.SIGN_IN_COOKIE))
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of(
                        "csrf",
                        csrfOf(page.asString()),
                        "username",
                        "viewer",
                        "password",
                        Api.PASSWORD,
                        "next",
                        "/console/tasks"))
                .post("/console/sign-in");
        assertEquals(303, in.statusCode(), in.asString());
        assertEquals("/console/tasks", in.header("Location"));

        Console.Signed signed = new Console.Signed(in.cookie("bonbu_session"));
        Response out = given().redirects()
                .follow(false)
                .header("Host", EVIL)
                .cookie("bonbu_session", signed.cookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", signed.csrf())
                .post("/console/sign-out");
        assertEquals(303, out.statusCode());
        assertEquals("/console/sign-in?signedOut", out.header("Location"));
    }

    @Test
    void aConsoleFormAnswersWithAPathAlone() {
        Console.Signed signed = Console.signIn("admin");
        Response r = given().redirects()
                .follow(false)
                .header("Host", EVIL)
                .cookie("bonbu_session", signed.cookie())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf", signed.csrf())
                .formParams(Map.of(
                        "username",
                        Api.uniqueKey("moved"),
                        "displayName",
                        "Moved",
                        "password",
                        "a-long-enough-password",
                        "role",
                        "viewer"))
                .post("/console/accounts");
        assertEquals(303, r.statusCode(), r.asString());
        assertEquals("/console/accounts", r.header("Location"));
    }

    @Test
    void createdResourcesAreNamedByPathAlone() {
        String key = Api.uniqueKey("located");
        Response component = Api.as("admin")
                .header("Host", EVIL)
                .body(Api.component(key, 3, false))
                .post("/api/components");
        assertEquals(201, component.statusCode(), component.asString());
        assertEquals("/api/components/" + key, component.header("Location"));

        Response incident = Api.as("commander")
                .header("Host", EVIL)
                .body(Map.of(
                        "title", Map.of("ko", "위치 " + key),
                        "components", List.of(Map.of("key", key, "status", "major_outage")),
                        "message", Map.of("ko", "조사 중")))
                .post("/api/incidents");
        assertEquals(201, incident.statusCode(), incident.asString());
        assertEquals("/api/incidents/" + incident.path("number"), incident.header("Location"));
    }

    @Test
    void noAnswerAnywhereNamesTheRequestsHost() {
        List<String> paths = List.of(
                "/",
                "/en",
                "/en/",
                "/static",
                "/static/",
                "/console",
                "/console/",
                "/review",
                "/review/",
                "/history",
                "/history/",
                "/incidents",
                "/incidents/",
                "/api",
                "/api/",
                "/q",
                "/q/",
                "/q/health",
                "/q/health/",
                "/q/openapi",
                "/q/swagger-ui",
                "/q/dev-ui",
                "/q/health-ui",
                "/ws/public",
                "/console/sign-in",
                "/console/sign-out",
                "/console/tasks");
        List<String> wrong = new java.util.ArrayList<>();
        int redirects = 0;
        for (String path : paths) {
            for (boolean browser : List.of(true, false)) {
                var request = given().redirects().follow(false).header("Host", EVIL);
                if (browser) request.accept(ContentType.HTML).header("Accept-Language", "en");
                Response r = request.get(path);
                String location = r.header("Location");
                if (location != null) redirects++;
                if (location != null && (location.contains(EVIL) || !location.startsWith("/"))) {
                    wrong.add(path + (browser ? " (browser)" : "") + " → " + r.statusCode() + " " + location);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(redirects >= 3, "the sweep met the public page's and the console's redirects: " + redirects);
    }

    static String csrfOf(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"")
                .matcher(html);
        if (!m.find()) throw new AssertionError("No form token in the page: " + html);
        return m.group(1);
    }
}
