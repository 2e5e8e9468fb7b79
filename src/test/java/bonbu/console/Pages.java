package bonbu.console;

import static io.restassured.RestAssured.given;

import bonbu.support.Console;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Helpers for console page tests: pages as HTML, forms as a browser posts them. */
final class Pages {

    private Pages() {}

    /** A page as {@code username} gets it, signed in through the console's form. */
    static String get(String username, String path) {
        return given().cookie("bonbu_session", Console.signIn(username).cookie())
                .accept(ContentType.HTML)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /**
     * A form posted as {@code username} from a signed-in session, with the page's form token, not
     * following redirects.
     */
    static ValidatableResponse post(String username, String path, Map<String, ?> fields) {
        Console.Signed signed = Console.signIn(username);
        RequestSpecification request = given().cookie("bonbu_session", signed.cookie())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .accept(ContentType.HTML)
                .redirects()
                .follow(false)
                .formParam("csrf", signed.csrf());
        fields.forEach((name, value) -> {
            if (value instanceof Iterable<?> values) {
                for (Object v : values) request.formParam(name, v);
            } else {
                request.formParam(name, value);
            }
        });
        return request.post(path).then();
    }

    /**
     * Asserts a form was refused for the person's role (the {@code @RolesAllowed} check), not for
     * anything else such as a missing form token.
     */
    static void refusedForRole(ValidatableResponse response) {
        String body = response.statusCode(403).extract().asString();
        if (!body.contains("\"title\":\"Forbidden\"")) {
            throw new AssertionError("Expected a refusal for the role, got: " + body);
        }
    }

    /** The page without its sign-out form: what is left are the forms of the page itself. */
    static String withoutSignOut(String html) {
        return html.replaceFirst("(?s)<form method=\"post\" action=\"/console/sign-out\".*?</form>", "");
    }
}
