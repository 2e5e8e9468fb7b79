package bonbu.checklist;

import static bonbu.support.Api.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import bonbu.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The work screens use the console layout and stylesheet, and show step controls only to workers. */
@QuarkusTest
class WorkPagesTest {

    static String page(String user, String path) {
        return as(user).accept(ContentType.HTML)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    @Test
    void workScreenHasTheConsoleLayoutAndStepControlsForWorkersOnly() {
        String key = Api.uniqueKey("work-page");
        Api.createComponent(key);
        String number = Api.declare(key, "작업 화면 " + key);
        long checklist =
                ChecklistTest.instantiate(number, "gpki-signin-failure").getLong("id");

        String responder = page("responder", "/console/incidents/" + number + "/work");
        assertThat(responder, containsString("href=\"/static/console.css\""));
        assertThat(responder, containsString("action=\"/console/sign-out\""));
        assertThat(responder, containsString("<strong>responder</strong>"));
        assertThat(responder, containsString("id=\"note-" + checklist + "-1\""));
        assertThat(responder, not(containsString("<style")));
        assertThat(responder, not(containsString("style=")));

        String viewer = page("viewer", "/console/incidents/" + number + "/work");
        assertThat(viewer, not(containsString("id=\"note-" + checklist + "-1\"")));

        String tasks = page("responder", "/console/tasks");
        assertThat(tasks, containsString("href=\"/static/console.css\""));
        assertThat(tasks, containsString("내 작업 · My tasks"));
    }
}
