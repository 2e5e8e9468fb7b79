package bonbu.console;

import static bonbu.support.Api.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import bonbu.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Declaring from the console: the blast-radius preview first, then the declaration itself. */
@QuarkusTest
class DeclarePageTest {

    @Test
    void previewOnSharedDependencyListsPropagatedComponentsAndChangesNothing() {
        long before = Api.lastSeq();

        String html = Pages.get("commander", "/console/declare?component=gpki-auth&status=major_outage");

        assertThat(html, containsString("id=\"blast-radius\""));
        assertThat(html, containsString("data-key=\"saeol\""));
        assertThat(html, containsString("data-key=\"gov24\""));
        assertThat(html, containsString("data-key=\"gov24-certificates\""));
        assertThat(html, containsString("새올 행정시스템"));
        assertThat(html, containsString("through dependencies"));
        assertThat(html, containsString("행정전자서명(GPKI) 인증 GPKI sign-in"));
        assertThat(html, containsString(">SEV1<"));
        assertThat(html, containsString("action=\"/console/declare\""));
        assertEquals(before, Api.lastSeq(), "a preview writes nothing");
    }

    @Test
    void commanderDeclaresFromTheForm() {
        String key = Api.uniqueKey("form-declare");
        Api.createComponent(key);

        String location = Pages.post(
                        "commander",
                        "/console/declare",
                        Map.of(
                                "component",
                                List.of(key),
                                "status",
                                List.of("partial_outage"),
                                "titleKo",
                                "양식 선언 " + key,
                                "titleEn",
                                "Declared by form " + key,
                                "messageKo",
                                "조사 중입니다",
                                "messageEn",
                                "Investigating"))
                .statusCode(303)
                .extract()
                .header("Location");

        assertThat(location, matchesPattern(".*/console/incidents/INC-\\d{4}-\\d{4}$"));
        String number = location.substring(location.lastIndexOf('/') + 1);
        var incident = as("viewer")
                .get("/api/incidents/{n}", number)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("양식 선언 " + key, incident.getString("title.ko"));
        assertEquals("Declared by form " + key, incident.getString("title.en"));
        assertEquals("commander", incident.getString("commander"));
        assertEquals(key, incident.getString("components[0].key"));
        assertEquals("partial_outage", incident.getString("components[0].status"));
        List<String> types = as("viewer")
                .get("/api/incidents/{n}/timeline", number)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("days.entries.flatten().type");
        assertThat(types.toString(), containsString("incident.declared"));
    }

    @Test
    void declaringWithoutAKoreanTitleShowsTheRefusalAndKeepsWhatWasTyped() {
        String key = Api.uniqueKey("form-invalid");
        Api.createComponent(key);
        long before = Api.lastSeq();

        String html = Pages.post(
                        "commander",
                        "/console/declare",
                        Map.of(
                                "component",
                                List.of(key),
                                "status",
                                List.of("major_outage"),
                                "titleKo",
                                "",
                                "messageKo",
                                "입력한 공지 " + key))
                .statusCode(400)
                .contentType(containsString("text/html"))
                .extract()
                .asString();

        assertThat(html, containsString("role=\"alert\""));
        assertThat(html, containsString("title.ko"));
        assertThat(html, containsString("입력한 공지 " + key));
        assertThat(html, containsString("data-key=\"" + key + "\""));
        assertEquals(before, Api.lastSeq(), "nothing declared");
    }

    @Test
    void anUnknownComponentIsRefusedOnThePage() {
        String html = as("commander")
                .accept(ContentType.HTML)
                .get("/console/declare?component=no-such-thing-{k}&status=major_outage", Api.uniqueKey("x"))
                .then()
                .statusCode(404)
                .extract()
                .asString();
        assertThat(html, containsString("role=\"alert\""));
        assertThat(html, containsString("no-such-thing"));
    }

    @Test
    void onlyCommandersMayDeclare() {
        String key = Api.uniqueKey("form-forbidden");
        Api.createComponent(key);
        long before = Api.lastSeq();
        for (String user : List.of("viewer", "responder", "comms", "admin")) {
            Pages.refusedForRole(Pages.post(
                    user,
                    "/console/declare",
                    Map.of(
                            "component",
                            List.of(key),
                            "status",
                            List.of("major_outage"),
                            "titleKo",
                            "금지 " + key,
                            "messageKo",
                            "조사 중")));
            as(user).accept(ContentType.HTML).get("/console/declare").then().statusCode(403);
        }
        assertEquals(before, Api.lastSeq(), "nothing declared");
        assertThat(Pages.get("viewer", "/console"), not(containsString("href=\"/console/declare\"")));
    }
}
