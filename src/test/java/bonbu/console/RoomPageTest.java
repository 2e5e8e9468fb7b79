package bonbu.console;

import static bonbu.support.Api.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import bonbu.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The incident room: what each role sees and what each of its forms does. */
@QuarkusTest
class RoomPageTest {

    static String incident(String prefix) {
        String key = Api.uniqueKey(prefix);
        Api.createComponent(key);
        return Api.declare(key, "상황실 " + key);
    }

    static JsonPath api(String number) {
        return as("viewer")
                .get("/api/incidents/{n}", number)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static String room(String number) {
        return "/console/incidents/" + number;
    }

    @Test
    void viewerSeesTheRoomWithoutAnyControl() {
        String number = incident("room-view");

        String html = Pages.withoutSignOut(Pages.get("viewer", room(number)));

        assertThat(html, containsString(number));
        assertThat(html, containsString("id=\"incident-commander\">commander<"));
        assertThat(html, containsString("incident.declared"));
        assertThat(html, containsString("/console/incidents/" + number + "/work"));
        assertThat(html, containsString("/review/incidents/" + number));
        assertThat(html, not(containsString("<form")));
        assertThat(html, not(containsString("<button")));
        assertThat(html, not(containsString("<textarea")));
    }

    @Test
    void eachRoleSeesOnlyTheFormsItMayUse() {
        String number = incident("room-roles");
        String commander = Pages.get("commander", room(number));
        for (String form : List.of("roles-form", "update-form", "component-form", "severity-form", "link-form")) {
            assertThat(form, commander, containsString("id=\"" + form + "\""));
        }
        String responder = Pages.get("responder", room(number));
        assertThat(responder, containsString("id=\"component-form\""));
        assertThat(responder, not(containsString("id=\"update-form\"")));
        assertThat(responder, not(containsString("id=\"roles-form\"")));
        String comms = Pages.get("comms", room(number));
        assertThat(comms, containsString("id=\"update-form\""));
        assertThat(comms, not(containsString("id=\"component-form\"")));
        assertThat(comms, not(containsString("id=\"roles-form\"")));
    }

    @Test
    void commanderHandsOverCommand() {
        String number = incident("room-handover");

        Pages.post(
                        "commander",
                        room(number) + "/roles",
                        Map.of("role", "INCIDENT_COMMANDER", "member", "admin", "version", ""))
                .statusCode(303)
                .header("Location", endsWith(room(number) + "#roles"));

        assertEquals("admin", api(number).getString("commander"));
        assertThat(Pages.get("viewer", room(number)), containsString("id=\"incident-commander\">admin<"));
    }

    @Test
    void handingCommandToAViewerIsRefusedOnThePageWithWhatWasTyped() {
        String number = incident("room-refused");
        long before = Api.lastSeq();

        String html = Pages.post(
                        "commander", room(number) + "/roles", Map.of("role", "INCIDENT_COMMANDER", "member", "viewer"))
                .statusCode(409)
                .extract()
                .asString();

        assertThat(html, containsString("role=\"alert\">&#39;viewer&#39; has only the viewer role"));
        assertThat(html, containsString("id=\"member\" name=\"member\" value=\"viewer\""));
        assertEquals(before, Api.lastSeq());
        assertEquals("commander", api(number).getString("commander"));
    }

    @Test
    void aFormFromAnOlderVersionIsRefusedSayingWhatChanged() {
        String number = incident("room-stale");
        long version = api(number).getLong("version");
        as("commander")
                .body(Map.of("severity", "SEV2", "reason", "test"))
                .post("/api/incidents/{n}/severity", number)
                .then()
                .statusCode(200);

        String html = Pages.post(
                        "comms",
                        room(number) + "/updates",
                        Map.of(
                                "status", "identified",
                                "messageKo", "늦은 공지",
                                "version", Long.toString(version),
                                "intent", "publish"))
                .statusCode(409)
                .extract()
                .asString();

        assertThat(html, containsString("changed while you were editing"));
        assertThat(html, containsString(">늦은 공지</textarea>"));
        assertEquals(1, api(number).getList("updates").size());
    }

    @Test
    void communicatorPreviewsAnUpdateAsCitizensWillSeeItThenPublishesIt() {
        String number = incident("room-update");
        long before = Api.lastSeq();
        Map<String, String> fields = Map.of(
                "status", "identified",
                "messageKo", "원인을 찾았습니다 <b>라우터</b>",
                "messageEn", "Cause found: the router");

        String preview = Pages.post("comms", room(number) + "/updates", with(fields, "intent", "preview"))
                .statusCode(200)
                .extract()
                .asString();

        assertThat(preview, containsString("id=\"citizen-preview\""));
        assertThat(preview, containsString("원인을 찾았습니다 &lt;b&gt;라우터&lt;/b&gt;"));
        assertThat(preview, containsString("Cause found: the router"));
        assertThat(preview, containsString("class=\"update-meta\""));
        assertThat(preview, not(containsString("<b>라우터</b>")));
        assertEquals(before, Api.lastSeq(), "a preview publishes nothing");

        Pages.post("comms", room(number) + "/updates", with(fields, "intent", "publish"))
                .statusCode(303);

        JsonPath incident = api(number);
        assertEquals("identified", incident.getString("status"));
        assertEquals("Cause found: the router", incident.getString("updates[0].message.en"));
        assertEquals("comms", incident.getString("updates[0].author"));
    }

    @Test
    void responderSetsAComponentStatusFromTheRoom() {
        String key = Api.uniqueKey("room-component");
        Api.createComponent(key);
        String number = Api.declare(key, "구성요소 " + key);

        Pages.post(
                        "responder",
                        room(number) + "/components/status",
                        Map.of("key", key, "status", "degraded_performance", "reason", "일부 복구"))
                .statusCode(303);

        assertEquals(
                "degraded_performance",
                as("viewer").get("/api/components/{k}", key).then().extract().path("status"));
    }

    @Test
    void rolesThatMayNotActGet403AndNothingIsWritten() {
        String number = incident("room-403");
        long before = Api.lastSeq();
        Map<String, Map<String, String>> forms = Map.of(
                "/updates", Map.of("status", "identified", "messageKo", "x", "intent", "publish"),
                "/roles", Map.of("role", "LIAISON", "member", "responder"),
                "/severity", Map.of("severity", "SEV1", "reason", "x"),
                "/reopen", Map.of("reason", "x"),
                "/links", Map.of("other", number, "kind", "RELATED"),
                "/components/status", Map.of("key", "gov24", "status", "major_outage", "reason", "x"));
        forms.forEach((path, fields) -> Pages.refusedForRole(Pages.post("viewer", room(number) + path, fields)));
        Pages.refusedForRole(Pages.post("responder", room(number) + "/updates", forms.get("/updates")));
        Pages.refusedForRole(Pages.post("comms", room(number) + "/roles", forms.get("/roles")));
        Pages.refusedForRole(Pages.post("comms", room(number) + "/components/status", forms.get("/components/status")));
        Pages.refusedForRole(Pages.post("responder", room(number) + "/severity", forms.get("/severity")));
        assertEquals(before, Api.lastSeq(), "nothing written");
    }

    @Test
    void commanderOverridesSeverityAndLinksARelatedIncident() {
        String number = incident("room-sev");
        String other = incident("room-other");

        Pages.post("commander", room(number) + "/severity", Map.of("severity", "SEV2", "reason", "부처 판단"))
                .statusCode(303);
        Pages.post("commander", room(number) + "/links", Map.of("other", other, "kind", "RELATED"))
                .statusCode(303);

        JsonPath incident = api(number);
        assertEquals("SEV2", incident.getString("severity"));
        assertEquals(other, incident.getString("links[0].number"));
        assertThat(Pages.get("viewer", room(other)), containsString("href=\"/console/incidents/" + number + "\""));
    }

    private static Map<String, String> with(Map<String, String> fields, String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(fields);
        all.put(name, value);
        return all;
    }
}
