package bonbu.console;

import static bonbu.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import bonbu.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The board lists active incidents with their severity, commander and overdue-update flag. */
@QuarkusTest
class BoardPageTest {

    @Test
    void boardListsAnActiveIncidentForAViewerWithoutFormControls() {
        String key = Api.uniqueKey("board");
        Api.createComponent(key);
        String number = Api.declare(key, "상황판 " + key);

        String html = as("viewer")
                .accept("text/html")
                .get("/console")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        org.hamcrest.MatcherAssert.assertThat(html, containsString(number));
        org.hamcrest.MatcherAssert.assertThat(html, containsString("상황판 " + key));
        org.hamcrest.MatcherAssert.assertThat(html, containsString("commander"));
        org.hamcrest.MatcherAssert.assertThat(html, containsString("viewer"));
        // The only form a viewer gets is signing out.
        org.hamcrest.MatcherAssert.assertThat(
                html.replaceFirst("(?s)<form method=\"post\" action=\"/console/sign-out\".*?</form>", ""),
                not(containsString("<form")));
        org.hamcrest.MatcherAssert.assertThat(html, not(containsString("/console/declare\"")));
    }

    @Test
    void boardFlagsAnIncidentWhoseUpdateIsOverdue() {
        String key = Api.uniqueKey("overdue");
        Api.createComponent(key);
        String number = Api.declare(key, "지연 " + key);
        as("commander")
                .body(Map.of("severity", "SEV1", "reason", "test"))
                .post("/api/incidents/{n}/severity", number)
                .then()
                .statusCode(200);
        String html = as("commander")
                .accept("text/html")
                .get("/console")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        org.hamcrest.MatcherAssert.assertThat(html, containsString(number));
        org.hamcrest.MatcherAssert.assertThat(html, containsString("/console/declare"));
    }
}
