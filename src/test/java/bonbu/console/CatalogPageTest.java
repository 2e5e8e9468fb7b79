package bonbu.console;

import static bonbu.support.Api.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalog pages: readable by everyone, shaped by administrators through the catalog service. */
@QuarkusTest
class CatalogPageTest {

    static JsonPath component(String key) {
        return as("viewer")
                .get("/api/components/{k}", key)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static Map<String, String> fields(String key) {
        return Map.of(
                "key", key,
                "nameKo", "양식 " + key,
                "nameEn", "Form " + key,
                "groupKo", "시험",
                "groupEn", "Tests",
                "kind", "STAFF_SYSTEM",
                "tier", "3",
                "public", "true");
    }

    @Test
    void everyoneReadsTheDependencyGraphAsListsAndOnlyAdminsGetForms() {
        String viewer = Pages.withoutSignOut(Pages.get("viewer", "/console/catalog"));
        assertThat(viewer, containsString("data-key=\"saeol\""));
        assertThat(viewer, containsString("행정전자서명(GPKI) 인증 (gpki-auth) REQUIRED"));
        assertThat(viewer, containsString("주민센터 민원 창구 (local-office-counters) DEGRADES"));
        assertThat(viewer, not(containsString("<form")));
        String detail = Pages.withoutSignOut(Pages.get("commander", "/console/catalog/saeol"));
        assertThat(detail, containsString("id=\"upstreams\""));
        assertThat(detail, not(containsString("<form")));

        assertThat(Pages.get("admin", "/console/catalog"), containsString("id=\"create-form\""));
        String admin = Pages.get("admin", "/console/catalog/saeol");
        for (String form : List.of("edit-form", "dependency-form", "alternatives-form")) {
            assertThat(admin, containsString("id=\"" + form + "\""));
        }
    }

    @Test
    void adminShapesTheCatalogWithTheForms() {
        String up = Api.uniqueKey("form-up");
        String down = Api.uniqueKey("form-down");

        Pages.post("admin", "/console/catalog", fields(up)).statusCode(303);
        Pages.post("admin", "/console/catalog", fields(down))
                .statusCode(303)
                .header("Location", containsString("/console/catalog/" + down));
        assertEquals("Form " + down, component(down).getString("name.en"));
        assertEquals(3, component(down).getInt("tier"));

        Map<String, String> edit = new java.util.HashMap<>(fields(down));
        edit.remove("key");
        edit.put("tier", "2");
        edit.put("nameEn", "Edited " + down);
        Pages.post("admin", "/console/catalog/" + down, edit).statusCode(303);
        assertEquals("Edited " + down, component(down).getString("name.en"));
        assertEquals(2, component(down).getInt("tier"));

        Pages.post("admin", "/console/catalog/" + down + "/dependencies", Map.of("upstream", up, "kind", "DEGRADES"))
                .statusCode(303);
        assertEquals(up, component(down).getString("upstreams[0].key"));
        assertEquals("DEGRADES", component(down).getString("upstreams[0].kind"));

        Pages.post(
                        "admin",
                        "/console/catalog/" + down + "/alternatives",
                        Map.of(
                                "altNameKo", List.of("방문 발급", ""),
                                "altNameEn", List.of("In person", ""),
                                "altHowToKo", List.of("주민센터 방문", ""),
                                "altHowToEn", List.of("", ""),
                                "altUrl", List.of("https://example.org/visit", ""),
                                "altHoursKo", List.of("", ""),
                                "altHoursEn", List.of("", ""),
                                "altComponent", List.of("", "")))
                .statusCode(303);
        JsonPath after = component(down);
        assertEquals(1, after.getList("alternatives").size());
        assertEquals("In person", after.getString("alternatives[0].name.en"));
        assertEquals("https://example.org/visit", after.getString("alternatives[0].url"));

        Pages.post("admin", "/console/catalog/" + down + "/dependencies/remove", Map.of("upstream", up))
                .statusCode(303);
        assertTrue(component(down).getList("upstreams").isEmpty());
    }

    @Test
    void aCycleIsRefusedOnThePageNamingIt() {
        String a = Api.uniqueKey("form-cycle");
        String b = Api.uniqueKey("form-cycle");
        Api.createComponent(a);
        Api.createComponent(b);
        Api.depend(b, a, "REQUIRED");
        long before = Api.lastSeq();

        String html = Pages.post(
                        "admin", "/console/catalog/" + a + "/dependencies", Map.of("upstream", b, "kind", "REQUIRED"))
                .statusCode(409)
                .extract()
                .asString();

        assertThat(html, containsString("role=\"alert\""));
        assertThat(html, containsString("would make a cycle"));
        assertEquals(before, Api.lastSeq());
    }

    @Test
    void aDuplicateKeyIsRefusedKeepingWhatWasTyped() {
        String html = Pages.post("admin", "/console/catalog", fields("saeol"))
                .statusCode(409)
                .extract()
                .asString();
        assertThat(html, containsString("already exists"));
        assertThat(html, containsString("value=\"양식 saeol\""));
    }

    @Test
    void onlyAdminsMayShapeTheCatalog() {
        String key = Api.uniqueKey("form-403");
        Api.createComponent(key);
        long before = Api.lastSeq();
        for (String user : List.of("viewer", "commander", "responder", "comms")) {
            Pages.refusedForRole(Pages.post(user, "/console/catalog", fields(Api.uniqueKey("nope"))));
            Pages.refusedForRole(Pages.post(user, "/console/catalog/" + key, fields(key)));
            Pages.refusedForRole(Pages.post(
                    user,
                    "/console/catalog/" + key + "/dependencies",
                    Map.of("upstream", "gov24", "kind", "REQUIRED")));
            Pages.refusedForRole(
                    Pages.post(user, "/console/catalog/" + key + "/dependencies/remove", Map.of("upstream", "gov24")));
            Pages.refusedForRole(
                    Pages.post(user, "/console/catalog/" + key + "/alternatives", Map.of("altNameKo", "x")));
        }
        assertEquals(before, Api.lastSeq(), "nothing written");
    }
}
