package bonbu.component;

import static bonbu.support.Api.as;
import static bonbu.support.Api.component;
import static bonbu.support.Api.createComponent;
import static bonbu.support.Api.depend;
import static bonbu.support.Api.lastSeq;
import static bonbu.support.Api.setStatus;
import static bonbu.support.Api.uniqueKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ComponentApiTest {

    /** The newest timeline entries after {@code since}, as JSON. */
    private static JsonPath timelineSince(long since) {
        return as("viewer")
                .get("/api/timeline?since={s}", since)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void creatingAComponentAnswersItsViewAndRecordsIt() {
        String key = uniqueKey("portal");
        long before = lastSeq();
        Map<String, Object> body = new HashMap<>(component(key, 1, true));
        body.put("description", Map.of("ko", "설명", "en", "About it"));
        body.put(
                "alternatives",
                List.of(Map.of(
                        "name",
                        Map.of("ko", "주민센터 방문", "en", "Visit a community centre"),
                        "howTo",
                        "신분증을 가져오세요",
                        "url",
                        "https://www.gov.kr",
                        "hours",
                        Map.of("ko", "평일 09:00–18:00"))));
        as("admin")
                .body(body)
                .post("/api/components")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/components/" + key))
                .body("key", equalTo(key))
                .body("name.en", equalTo("Test " + key))
                .body("public", equalTo(true))
                .body("tier", equalTo(1))
                .body("status", equalTo("operational"))
                .body("effectiveStatus", equalTo("operational"))
                .body("causes", empty())
                .body("alternatives[0].howTo.ko", equalTo("신분증을 가져오세요"))
                .body("alternatives[0].howTo.en", nullValue())
                .body("alternatives[0].hours.ko", equalTo("평일 09:00–18:00"));

        as("viewer").get("/api/components/{k}", key).then().statusCode(200).body("description.en", equalTo("About it"));
        as("viewer").get("/api/components").then().statusCode(200).body("key", hasItem(key));
        JsonPath entries = timelineSince(before);
        assertEquals(List.of("component.created"), entries.getList("entries.type"));
        assertEquals("admin", entries.getString("entries[0].actor"));
        assertEquals("PUBLIC", entries.getString("entries[0].audience"));
        assertEquals(key, entries.getString("entries[0].data.key"));
    }

    @Test
    void creatingADuplicateKeyIsAConflictAndWritesNothing() {
        String key = uniqueKey("dup");
        createComponent(key);
        long before = lastSeq();
        as("admin")
                .body(component(key, 3, false))
                .post("/api/components")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        equalTo("A component with key '" + key
                                + "' already exists. Choose another key or change the existing one with PATCH /api/components/"
                                + key + "."));
        assertEquals(before, lastSeq());
        as("viewer").get("/api/components/{k}", key).then().body("tier", equalTo(2));
    }

    @Test
    void unknownComponentIsANotFoundProblem() {
        as("viewer")
                .get("/api/components/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body(
                        "detail",
                        equalTo("There is no component with key 'no-such-thing'. GET /api/components lists them."));
    }

    @Test
    void patchChangesOnlyTheFieldsGivenAndRecordsWhatChanged() {
        String key = uniqueKey("patch");
        createComponent(key);
        long before = lastSeq();
        as("admin")
                .body(Map.of("name", Map.of("ko", "새 이름", "en", "New name"), "tier", 1))
                .patch("/api/components/{k}", key)
                .then()
                .statusCode(200)
                .body("name.ko", equalTo("새 이름"))
                .body("tier", equalTo(1))
                .body("group.en", equalTo("Tests"))
                .body("public", equalTo(true));
        JsonPath entries = timelineSince(before);
        assertEquals(List.of("component.updated"), entries.getList("entries.type"));
        assertEquals(2, entries.getInt("entries[0].data.changes.tier.from"));
        assertEquals(1, entries.getInt("entries[0].data.changes.tier.to"));
        assertEquals("New name", entries.getString("entries[0].data.changes.name.to.en"));

        as("admin")
                .contentType("application/merge-patch+json")
                .body(Map.of("public", false))
                .patch("/api/components/{k}", key)
                .then()
                .statusCode(200)
                .body("public", equalTo(false));
    }

    @Test
    void patchRefusesToChangeTheKeyOrTheStatus() {
        String key = uniqueKey("fixed");
        createComponent(key);
        long before = lastSeq();
        as("admin")
                .body(Map.of("key", "other-key", "tier", 1))
                .patch("/api/components/{k}", key)
                .then()
                .statusCode(400)
                .body(
                        "detail",
                        equalTo("A component's key cannot change. Create a new component with the new key instead."));
        as("admin")
                .body(Map.of("status", "major_outage"))
                .patch("/api/components/{k}", key)
                .then()
                .statusCode(400)
                .body(
                        "detail",
                        equalTo("The status changes only through POST /api/components/" + key
                                + "/status, with a reason."));
        assertEquals(before, lastSeq());
        as("viewer").get("/api/components/{k}", key).then().body("tier", equalTo(2));
    }

    @Test
    void dependenciesAreAddedChangedAndRemovedWithTheirEffect() {
        String up = uniqueKey("up");
        String down = uniqueKey("down");
        createComponent(up);
        createComponent(down);
        setStatus(up, "partial_outage");

        long before = lastSeq();
        as("admin")
                .body(Map.of("kind", "REQUIRED"))
                .put("/api/components/{d}/dependencies/{u}", down, up)
                .then()
                .statusCode(201)
                .body("upstreams.key", contains(up))
                .body("upstreams[0].kind", equalTo("REQUIRED"))
                .body("effectiveStatus", equalTo("partial_outage"))
                .body("causes[0].key", equalTo(up));
        as("viewer").get("/api/components/{k}", up).then().body("downstreams.key", contains(down));
        JsonPath added = timelineSince(before);
        assertEquals(
                List.of("dependency.added", "catalog.impact", "component.effective_status_changed"),
                added.getList("entries.type"));
        assertEquals(List.of(down), added.getList("entries[1].data.changes[0].keys"));
        assertEquals(List.of(up), added.getList("entries[1].data.changes[0].causes"));
        assertEquals("partial_outage", added.getString("entries[2].data.changes[0].to"));

        // The same kind again changes nothing and records nothing.
        long unchanged = lastSeq();
        as("admin")
                .body(Map.of("kind", "REQUIRED"))
                .put("/api/components/{d}/dependencies/{u}", down, up)
                .then()
                .statusCode(200);
        assertEquals(unchanged, lastSeq());

        as("admin")
                .body(Map.of("kind", "DEGRADES"))
                .put("/api/components/{d}/dependencies/{u}", down, up)
                .then()
                .statusCode(200)
                .body("effectiveStatus", equalTo("degraded_performance"));

        as("admin")
                .delete("/api/components/{d}/dependencies/{u}", down, up)
                .then()
                .statusCode(204);
        as("viewer")
                .get("/api/components/{k}", down)
                .then()
                .body("upstreams", empty())
                .body("effectiveStatus", equalTo("operational"));
        as("admin")
                .delete("/api/components/{d}/dependencies/{u}", down, up)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aDependencyThatWouldCloseACycleIsRefusedNamingTheCycle() {
        String a = uniqueKey("a");
        String b = uniqueKey("b");
        String c = uniqueKey("c");
        createComponent(a);
        createComponent(b);
        createComponent(c);
        depend(b, a, "REQUIRED");
        depend(c, b, "DEGRADES");
        long before = lastSeq();
        as("admin")
                .body(Map.of("kind", "REQUIRED"))
                .put("/api/components/{d}/dependencies/{u}", a, c)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("cycle", contains(a, c, b, a))
                .body(
                        "detail",
                        equalTo("'" + a + "' cannot depend on '" + c + "': that would make a cycle " + a + " → "
                                + c + " → " + b + " → " + a
                                + " (each arrow reads \"depends on\"). Remove one of those dependencies first."));
        as("admin")
                .body(Map.of("kind", "REQUIRED"))
                .put("/api/components/{d}/dependencies/{u}", a, a)
                .then()
                .statusCode(409)
                .body("cycle", contains(a, a));
        assertEquals(before, lastSeq());
        as("viewer").get("/api/components/{k}", a).then().body("upstreams", empty());
    }

    @Test
    void aDependencyOnAnUnknownComponentIsNotFound() {
        String key = uniqueKey("lonely");
        createComponent(key);
        as("admin")
                .body(Map.of("kind", "REQUIRED"))
                .put("/api/components/{d}/dependencies/{u}", key, "nothing-here")
                .then()
                .statusCode(404)
                .body(
                        "detail",
                        equalTo("There is no component with key 'nothing-here'. GET /api/components lists them."));
    }

    @Test
    void statusChangeRecordsTheReasonAndEveryEffectiveChange() {
        String auth = uniqueKey("auth");
        String portal = uniqueKey("portal");
        createComponent(auth);
        createComponent(portal);
        depend(portal, auth, "REQUIRED");
        long before = lastSeq();
        as("responder")
                .body(Map.of("status", "major_outage", "reason", "sign-in times out"))
                .post("/api/components/{k}/status", auth)
                .then()
                .statusCode(200)
                .body("component.status", equalTo("major_outage"))
                .body("changes.key", contains(auth, portal));
        as("viewer")
                .get("/api/components/{k}", portal)
                .then()
                .body("status", equalTo("operational"))
                .body("effectiveStatus", equalTo("major_outage"))
                .body("causes[0].key", equalTo(auth))
                .body("causes[0].name.en", equalTo("Test " + auth));
        JsonPath entries = timelineSince(before);
        assertEquals(
                List.of("component.status_changed", "catalog.impact", "component.effective_status_changed"),
                entries.getList("entries.type"));
        assertEquals("STAFF", entries.getString("entries[0].audience"));
        assertEquals("sign-in times out", entries.getString("entries[0].data.reason"));
        assertEquals("operational", entries.getString("entries[0].data.from"));
        assertEquals("PUBLIC", entries.getString("entries[2].audience"));
        assertEquals(List.of(auth), entries.getList("entries[2].data.changes[0].keys"));
        assertEquals(List.of(portal), entries.getList("entries[2].data.changes[1].keys"));
        assertEquals(List.of(auth), entries.getList("entries[2].data.changes[1].causes"));
        assertEquals("Test " + auth, entries.getString("entries[2].data.causeNames." + auth + ".en"));

        // Setting the same status again is not a change.
        long unchanged = lastSeq();
        setStatus(auth, "major_outage");
        assertEquals(unchanged, lastSeq());
    }

    @Test
    void impactShowsTheBlastRadiusWithoutChangingAnything() {
        String infra = uniqueKey("infra");
        String app = uniqueKey("app");
        String guide = uniqueKey("guide");
        createComponent(infra);
        createComponent(app);
        createComponent(guide);
        depend(app, infra, "REQUIRED");
        depend(guide, app, "DEGRADES");
        long before = lastSeq();
        as("viewer")
                .get("/api/components/{k}/impact?status=major_outage", infra)
                .then()
                .statusCode(200)
                .body("changes", hasSize(3))
                .body("changes.key", contains(infra, app, guide))
                .body("changes[1].from", equalTo("operational"))
                .body("changes[1].to", equalTo("major_outage"))
                .body("changes[2].to", equalTo("degraded_performance"))
                .body("changes[2].causes.key", contains(app, infra));
        assertEquals(before, lastSeq());
        as("viewer").get("/api/components/{k}", app).then().body("effectiveStatus", equalTo("operational"));

        as("viewer")
                .get("/api/components/{k}/impact?status=broken", infra)
                .then()
                .statusCode(400)
                .body("allowed", hasItem("under_maintenance"));
        as("viewer").get("/api/components/{k}/impact", infra).then().statusCode(400);
    }

    @Test
    void anOwnStatusChangeHiddenByAWorseUpstreamIsStillRecorded() {
        String up = uniqueKey("hidden-up");
        String down = uniqueKey("hidden-down");
        createComponent(up);
        createComponent(down);
        depend(down, up, "REQUIRED");
        setStatus(up, "major_outage");
        long before = lastSeq();
        as("responder")
                .body(Map.of("status", "partial_outage", "reason", "also broken itself"))
                .post("/api/components/{k}/status", down)
                .then()
                .statusCode(200)
                .body("component.status", equalTo("partial_outage"))
                .body("component.effectiveStatus", equalTo("major_outage"))
                .body("changes", empty());
        JsonPath entries = timelineSince(before);
        assertEquals(List.of("component.status_changed"), entries.getList("entries.type"));
        assertEquals("also broken itself", entries.getString("entries[0].data.reason"));
    }
}
