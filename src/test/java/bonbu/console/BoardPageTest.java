package bonbu.console;

import static bonbu.support.Api.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import bonbu.support.Api;
import bonbu.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
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

        assertThat(html, containsString(number));
        assertThat(html, containsString("상황판 " + key));
        assertThat(html, containsString("commander"));
        assertThat(html, containsString("viewer"));
        // The only form a viewer gets is signing out.
        assertThat(
                html.replaceFirst("(?s)<form method=\"post\" action=\"/console/sign-out\".*?</form>", ""),
                not(containsString("<form")));
        assertThat(html, not(containsString("/console/declare\"")));
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
        String before = Pages.get("viewer", "/console");
        assertThat(before, containsString("<tr class=\"incident\" data-number=\"" + number + "\""));

        // SEV1 allows 30 minutes between public updates.
        TestClock.advance(Duration.ofMinutes(31));

        String after = Pages.get("viewer", "/console");
        assertThat(after, containsString("<tr class=\"incident overdue\" data-number=\"" + number + "\""));
        assertThat(after, containsString("공지 지연 update overdue"));
    }
}
