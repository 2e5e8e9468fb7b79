package bonbu.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like console client over HTTP: the sign-in form, its cookies and form tokens. */
public final class Console {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    /** The session cookie of a signed-in person. */
    public record Signed(String cookie) {
        /** The form token the console's pages carry for this session. */
        public String csrf() {
            return csrfOf(given().cookie("bonbu_session", cookie)
                    .get("/console/sign-in")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
        }
    }

    private Console() {}

    /** Signs in through the form as a demo account. */
    public static Signed signIn(String username) {
        return signIn(username, Api.PASSWORD);
    }

    public static Signed signIn(String username, String password) {
        Response response = attempt(username, password, null);
        if (response.statusCode() != 303) {
            throw new AssertionError(
                    "Sign-in as " + username + " answered " + response.statusCode() + ": " + response.asString());
        }
        return new Signed(response.cookie("bonbu_session"));
    }

    /** One sign-in attempt with a fresh form (and, if given, an existing session cookie). */
    public static Response attempt(String username, String password, String existingSession) {
        var form = given().redirects().follow(false);
        if (existingSession != null) form.cookie("bonbu_session", existingSession);
        Response page = form.get("/console/sign-in");
        String signInCookie = page.cookie("bonbu_sign_in");
        var post = given().redirects().follow(false).contentType("application/x-www-form-urlencoded");
        if (signInCookie != null) post.cookie("bonbu_sign_in", signInCookie);
        if (existingSession != null) post.cookie("bonbu_session", existingSession);
        return post.formParams(Map.of(
                        "csrf",
                        csrfOf(page.asString()),
                        "username",
                        username,
                        "password",
                        password,
                        "next",
                        "/console"))
                .post("/console/sign-in");
    }

    static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) throw new AssertionError("No form token in the page: " + html);
        return m.group(1);
    }
}
