package bonbu.incident;

import static bonbu.incident.Incidents.change;
import static bonbu.incident.Incidents.declare;
import static bonbu.incident.Incidents.entriesOf;
import static bonbu.incident.Incidents.get;
import static bonbu.incident.Incidents.text;
import static bonbu.incident.Incidents.typesOf;
import static bonbu.incident.Incidents.update;
import static bonbu.support.Api.as;
import static bonbu.support.Api.component;
import static bonbu.support.Api.depend;
import static bonbu.support.Api.lastSeq;
import static bonbu.support.Api.setStatus;
import static bonbu.support.Api.uniqueKey;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncidentApiTest {

    /** A component with the given tier, created by the admin. */
    private static String componentOfTier(String prefix, int tier) {
        String key = uniqueKey(prefix);
        as("admin")
                .body(component(key, tier, true))
                .post("/api/components")
                .then()
                .statusCode(201);
        return key;
    }

    @Test
    void declaringAnswersTheIncidentWithDerivedSeverityAndTheDeclarerInCommand() {
        String key = componentOfTier("decl", 2);
        long before = lastSeq();
        String number = as("commander")
                .body(Map.of(
                        "title", text("민원 지연", "Slow requests"),
                        "components", List.of(change(key, "partial_outage")),
                        "message", text("원인을 조사하고 있습니다", "We are investigating")))
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .header("ETag", notNullValue())
                .body("number", matchesPattern("INC-\\d{4}-\\d{4}"))
                .body("status", equalTo("investigating"))
                .body("severity", equalTo("SEV2"))
                .body("commander", equalTo("commander"))
                .body("roles[0].role", equalTo("INCIDENT_COMMANDER"))
                .body("components[0].key", equalTo(key))
                .body("components[0].direct", equalTo(true))
                .body("components[0].status", equalTo("partial_outage"))
                .body("updates[0].message.en", equalTo("We are investigating"))
                .body("keyTimes.declaredAt", notNullValue())
                .body("durations.toDeclareSeconds", equalTo(0))
                .extract()
                .path("number");

        as("viewer").get("/api/components/{k}", key).then().body("status", equalTo("partial_outage"));
        List<Map<String, Object>> entries = entriesOf(number, before);
        assertEquals(
                List.of(
                        "component.status_changed",
                        "catalog.impact",
                        "component.effective_status_changed",
                        "incident.declared",
                        "incident.severity_set",
                        "incident.role_assigned"),
                typesOf(entries));
        assertEquals("PUBLIC", entries.get(3).get("audience"));
        assertEquals("STAFF", entries.get(4).get("audience"));
        assertEquals(lastSeq() - before, entries.size(), "every entry of the declaration names the incident");
    }

    @Test
    void declaringOnASharedDependencyAloneIsSev1WhenATier1ServiceIsAffectedThroughIt() {
        String infra = componentOfTier("infra", 3);
        String portal = componentOfTier("portal", 1);
        depend(portal, infra, "REQUIRED");
        String number = declare("공유 인증 장애", List.of(change(infra, "major_outage")));
        JsonPath incident = get(number);
        assertEquals("SEV1", incident.getString("severity"));
        assertEquals(List.of(infra, portal), incident.getList("components.key"));
        assertEquals(List.of(true, false), incident.getList("components.direct"));
        assertEquals("major_outage", incident.getString("components[1].effectiveStatus"));
        assertEquals(infra, incident.getString("components[1].causes[0].key"));
        update(number, "resolved", List.of());
    }

    @Test
    void theDemoGpkiFailureIsSev1ThroughSaeolAndGov24() {
        String number = declare("GPKI 인증 장애", List.of(change("gpki-auth", "major_outage")));
        try {
            JsonPath incident = get(number);
            assertEquals("SEV1", incident.getString("severity"));
            List<String> affected = incident.getList("components.key");
            assertTrue(
                    affected.containsAll(List.of("gpki-auth", "saeol", "gov24", "gov24-certificates")),
                    affected.toString());
        } finally {
            update(number, "resolved", List.of());
        }
        as("viewer").get("/api/components/saeol").then().body("effectiveStatus", equalTo("operational"));
    }

    @Test
    void severityRisesByItselfWhenAffectedComponentsGetWorseButNeverFalls() {
        String upstream = componentOfTier("up", 4);
        String service = componentOfTier("svc", 2);
        depend(service, upstream, "REQUIRED");
        String number = declare("느려짐", List.of(change(service, "degraded_performance")));
        assertEquals("SEV3", get(number).getString("severity"));

        // Outside the incident, the upstream fails: the service is now in outage through it.
        long before = lastSeq();
        setStatus(upstream, "major_outage");
        JsonPath raised = get(number);
        assertEquals("SEV2", raised.getString("severity"));
        assertEquals("RAISED", raised.getString("severityHistory[1].how"));
        List<Map<String, Object>> entries = entriesOf(number, before);
        assertEquals(List.of("incident.severity_raised"), typesOf(entries));
        assertEquals("SEV3", ((Map<?, ?>) entries.get(0).get("data")).get("from"));

        setStatus(upstream, "operational");
        update(number, "monitoring", List.of(change(service, "operational")));
        assertEquals("SEV2", get(number).getString("severity"), "a lower derived severity never lowers it");
        update(number, "resolved", List.of());
    }

    @Test
    void anUpdateThatMakesThingsWorseRaisesTheSeverity() {
        String service = componentOfTier("worse", 1);
        String number = declare("느림", List.of(change(service, "degraded_performance")));
        assertEquals("SEV2", get(number).getString("severity"));
        update(number, "identified", List.of(change(service, "major_outage")));
        assertEquals("SEV1", get(number).getString("severity"));
        update(number, "resolved", List.of());
    }

    @Test
    void overridingTheSeverityNeedsAReasonAndIsRecorded() {
        String service = componentOfTier("override", 3);
        String number = declare("경미", List.of(change(service, "degraded_performance")));
        long before = lastSeq();
        as("commander")
                .body(Map.of("severity", "SEV1"))
                .post("/api/incidents/{n}/severity", number)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        assertEquals(before, lastSeq());
        as("commander")
                .body(Map.of("severity", "SEV1", "reason", "장관 보고 대상"))
                .post("/api/incidents/{n}/severity", number)
                .then()
                .statusCode(200)
                .body("severity", equalTo("SEV1"))
                .body("severityHistory[1].how", equalTo("OVERRIDDEN"))
                .body("severityHistory[1].reason", equalTo("장관 보고 대상"));
        List<Map<String, Object>> entries = entriesOf(number, before);
        assertEquals(List.of("incident.severity_overridden"), typesOf(entries));
        assertEquals("STAFF", entries.get(0).get("audience"));
        as("comms")
                .body(Map.of("severity", "SEV4", "reason", "x"))
                .post("/api/incidents/{n}/severity", number)
                .then()
                .statusCode(403);
        update(number, "resolved", List.of());
    }

    @Test
    void theLifecycleMovesForwardKeepsKeyTimesAndRefusesToGoBack() {
        String service = componentOfTier("life", 3);
        String number = declare("수명", List.of(change(service, "major_outage")));
        update(number, "identified", List.of());
        update(number, "identified", List.of()); // another update at the same stage
        long before = lastSeq();
        as("commander")
                .body(Map.of("status", "investigating", "message", text("뒤로", "Back")))
                .post("/api/incidents/{n}/updates", number)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("cannot go back to investigating"));
        assertEquals(before, lastSeq());

        // communicators publish updates too; a skip to resolved sets mitigated and resolved at once
        as("comms")
                .body(Map.of("status", "resolved", "message", text("복구 완료", "Recovered")))
                .post("/api/incidents/{n}/updates", number)
                .then()
                .statusCode(201)
                .body("status", equalTo("resolved"))
                .body("keyTimes.identifiedAt", notNullValue())
                .body("keyTimes.mitigatedAt", notNullValue())
                .body("keyTimes.resolvedAt", notNullValue())
                .body("durations.toResolveSeconds", notNullValue());
        JsonPath resolved = get(number);
        assertEquals(resolved.getString("keyTimes.mitigatedAt"), resolved.getString("keyTimes.resolvedAt"));
        assertEquals(4, resolved.getList("updates").size());

        as("commander")
                .body(Map.of("status", "monitoring", "message", text("다시", "Again")))
                .post("/api/incidents/{n}/updates", number)
                .then()
                .statusCode(409)
                .body("detail", containsString("Reopen it"));
    }

    @Test
    void resolvingReturnsComponentsToOperationalUnlessTheUpdateSaysOtherwise() {
        String a = componentOfTier("res-a", 2);
        String b = componentOfTier("res-b", 2);
        String c = componentOfTier("res-c", 2);
        String number = declare(
                "복구", List.of(change(a, "major_outage"), change(b, "partial_outage"), change(c, "major_outage")));
        // c is also held by another active incident: resolving this one must not clear it
        String other = declare("다른 장애", List.of(change(c, "major_outage")));
        as("commander")
                .body(Map.of(
                        "status", "resolved",
                        "message", text("복구", "Resolved"),
                        "components", List.of(change(b, "degraded_performance"))))
                .post("/api/incidents/{n}/updates", number)
                .then()
                .statusCode(201);
        as("viewer").get("/api/components/{k}", a).then().body("status", equalTo("operational"));
        as("viewer").get("/api/components/{k}", b).then().body("status", equalTo("degraded_performance"));
        as("viewer").get("/api/components/{k}", c).then().body("status", equalTo("major_outage"));
        update(other, "resolved", List.of());
        as("viewer").get("/api/components/{k}", c).then().body("status", equalTo("operational"));
    }

    @Test
    void reopeningAResolvedIncidentIsRecordedWithItsReason() {
        String service = componentOfTier("reopen", 3);
        String number = declare("재발", List.of(change(service, "major_outage")));
        as("commander")
                .body(Map.of("reason", "not resolved"))
                .post("/api/incidents/{n}/reopen", number)
                .then()
                .statusCode(409)
                .body("detail", containsString("not resolved, so there is nothing to reopen"));
        update(number, "resolved", List.of());
        long before = lastSeq();
        as("commander")
                .body(Map.of("reason", "오류가 다시 발생"))
                .post("/api/incidents/{n}/reopen", number)
                .then()
                .statusCode(200)
                .body("status", equalTo("investigating"))
                .body("keyTimes.resolvedAt", equalTo(null));
        List<Map<String, Object>> entries = entriesOf(number, before);
        assertEquals(List.of("incident.reopened", "incident.status_changed"), typesOf(entries));
        assertEquals("오류가 다시 발생", ((Map<?, ?>) entries.get(0).get("data")).get("reason"));
        assertEquals("PUBLIC", entries.get(1).get("audience"));
        update(number, "resolved", List.of());
    }

    @Test
    void handingOverCommandKeepsExactlyOneCommanderAndTheHistory() {
        String number = declare("지휘 교대", List.of(change(componentOfTier("ic", 3), "degraded_performance")));
        long before = lastSeq();
        JsonPath after = as("commander")
                .body(Map.of("member", "admin"))
                .put("/api/incidents/{n}/roles/INCIDENT_COMMANDER", number)
                .then()
                .statusCode(200)
                .body("commander", equalTo("admin"))
                .extract()
                .jsonPath();
        List<String> currentRoles = after.getList("roles.role");
        assertEquals(
                1, currentRoles.stream().filter("INCIDENT_COMMANDER"::equals).count());
        assertEquals(List.of("commander", "admin"), after.getList("roleHistory.member"));
        String relieved = after.getString("roleHistory[0].relievedAt");
        assertNotNull(relieved);
        assertEquals(relieved, after.getString("roleHistory[1].assumedAt"), "the handover is one instant");
        assertNull(after.get("roleHistory[1].relievedAt"));
        List<Map<String, Object>> entries = entriesOf(number, before);
        assertEquals(List.of("incident.role_assigned"), typesOf(entries));
        assertEquals("commander", ((Map<?, ?>) entries.get(0).get("data")).get("previous"));

        as("commander")
                .body(Map.of("member", "comms"))
                .put("/api/incidents/{n}/roles/COMMUNICATIONS_LEAD", number)
                .then()
                .statusCode(200)
                .body("roles.role", org.hamcrest.Matchers.hasItem("COMMUNICATIONS_LEAD"));
        as("commander")
                .delete("/api/incidents/{n}/roles/COMMUNICATIONS_LEAD", number)
                .then()
                .statusCode(200)
                .body("roles.role", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("COMMUNICATIONS_LEAD")));
        as("commander")
                .delete("/api/incidents/{n}/roles/INCIDENT_COMMANDER", number)
                .then()
                .statusCode(409)
                .body("detail", containsString("exactly one commander"));
        update(number, "resolved", List.of());
    }

    @Test
    void rolesGoOnlyToAccountsThatCanAct() {
        String number = declare("역할", List.of(change(componentOfTier("roles", 3), "degraded_performance")));
        long before = lastSeq();
        as("commander")
                .body(Map.of("member", "nobody-here"))
                .put("/api/incidents/{n}/roles/LIAISON", number)
                .then()
                .statusCode(404)
                .body("detail", containsString("no staff account 'nobody-here'"));
        as("commander")
                .body(Map.of("member", "viewer"))
                .put("/api/incidents/{n}/roles/LIAISON", number)
                .then()
                .statusCode(409)
                .body("detail", containsString("only the viewer role"));
        as("commander")
                .body(Map.of("member", "responder"))
                .put("/api/incidents/{n}/roles/CHIEF", number)
                .then()
                .statusCode(400)
                .body("allowed", org.hamcrest.Matchers.hasItem("LIAISON"));
        assertEquals(before, lastSeq());
        update(number, "resolved", List.of());
    }

    @Test
    void linksShowOnBothIncidents() {
        String first = declare("첫 장애", List.of(change(componentOfTier("l1", 3), "major_outage")));
        String second = declare("재발", List.of(change(componentOfTier("l2", 3), "major_outage")));
        as("commander")
                .body(Map.of("number", first, "kind", "RECURRENCE_OF"))
                .post("/api/incidents/{n}/links", second)
                .then()
                .statusCode(201)
                .body("links[0].number", equalTo(first))
                .body("links[0].kind", equalTo("RECURRENCE_OF"))
                .body("links[0].direction", equalTo("outgoing"));
        JsonPath firstView = get(first);
        assertEquals(second, firstView.getString("links[0].number"));
        assertEquals("incoming", firstView.getString("links[0].direction"));
        as("commander")
                .body(Map.of("number", first, "kind", "RELATED"))
                .post("/api/incidents/{n}/links", second)
                .then()
                .statusCode(409)
                .body("detail", containsString("already linked"));
        as("commander")
                .body(Map.of("number", second, "kind", "RELATED"))
                .post("/api/incidents/{n}/links", second)
                .then()
                .statusCode(409);
        as("commander")
                .body(Map.of("number", "INC-1999-0001", "kind", "RELATED"))
                .post("/api/incidents/{n}/links", second)
                .then()
                .statusCode(404);
        update(first, "resolved", List.of());
        update(second, "resolved", List.of());
    }

    @Test
    void listingFiltersByState() {
        String number = declare("목록", List.of(change(componentOfTier("list", 4), "degraded_performance")));
        as("viewer")
                .get("/api/incidents?state=active")
                .then()
                .statusCode(200)
                .body("number", org.hamcrest.Matchers.hasItem(number));
        update(number, "resolved", List.of());
        as("viewer")
                .get("/api/incidents?state=active")
                .then()
                .body("number", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(number)));
        as("viewer").get("/api/incidents?state=resolved").then().body("number", org.hamcrest.Matchers.hasItem(number));
        as("viewer").get("/api/incidents").then().body("number", org.hamcrest.Matchers.hasItem(number));
        as("viewer")
                .get("/api/incidents?state=open")
                .then()
                .statusCode(400)
                .body("allowed", org.hamcrest.Matchers.hasItem("active"));
    }

    @Test
    void badDeclarationsAreRefusedAndWriteNothing() {
        long before = lastSeq();
        int incidents = as("viewer")
                .get("/api/incidents")
                .then()
                .extract()
                .jsonPath()
                .getList("$")
                .size();
        as("commander")
                .body(Map.of(
                        "title",
                        text("x", "x"),
                        "components",
                        List.of(change("no-such-component", "major_outage")),
                        "message",
                        text("x", "x")))
                .post("/api/incidents")
                .then()
                .statusCode(404)
                .body("detail", containsString("no-such-component"));
        Map<String, Object> noKorean = new HashMap<>();
        noKorean.put("title", Map.of("en", "English only"));
        noKorean.put("components", List.of());
        noKorean.put("message", Map.of("en", "English only"));
        as("commander")
                .body(noKorean)
                .post("/api/incidents")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("title.ko", "message.ko"));
        as("commander")
                .body(Map.of(
                        "title",
                        text("x", "x"),
                        "components",
                        List.of(),
                        "message",
                        text("x", "x"),
                        "detectedAt",
                        "2999-01-01T00:00:00Z"))
                .post("/api/incidents")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("detectedAt"));
        String key = componentOfTier("twice", 3);
        before = lastSeq();
        as("commander")
                .body(Map.of(
                        "title",
                        text("x", "x"),
                        "components",
                        List.of(change(key, "major_outage"), change(key, "partial_outage")),
                        "message",
                        text("x", "x")))
                .post("/api/incidents")
                .then()
                .statusCode(400)
                .body("detail", containsString("listed twice"));
        as("responder")
                .body(Map.of("title", text("x", "x"), "components", List.of(), "message", text("x", "x")))
                .post("/api/incidents")
                .then()
                .statusCode(403);
        assertEquals(before, lastSeq());
        assertEquals(
                incidents,
                as("viewer")
                        .get("/api/incidents")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("$")
                        .size());
        as("viewer").get("/api/incidents/INC-1999-9999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aStaleVersionIsRefusedSayingWhatChanged() {
        String number = declare("동시 변경", List.of(change(componentOfTier("stale", 3), "degraded_performance")));
        String etag =
                as("viewer").get("/api/incidents/{n}", number).then().extract().header("ETag");
        as("commander")
                .header("If-Match", etag)
                .body(Map.of("severity", "SEV2", "reason", "first"))
                .post("/api/incidents/{n}/severity", number)
                .then()
                .statusCode(200);
        long before = lastSeq();
        as("comms")
                .header("If-Match", etag)
                .body(Map.of("status", "identified", "message", text("원인 확인", "Cause found")))
                .post("/api/incidents/{n}/updates", number)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("changed while you were editing it"))
                .body("detail", containsString("incident.severity_overridden by commander"));
        assertEquals(before, lastSeq());
        assertEquals("investigating", get(number).getString("status"));
        update(number, "resolved", List.of());
    }

    @Test
    void concurrentChangesWithoutAVersionNeverLoseAChangeSilently() throws Exception {
        String number = declare("동시 갱신", List.of(change(componentOfTier("race", 3), "degraded_performance")));
        long before = lastSeq();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<io.restassured.response.Response>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int n = i;
            calls.add(pool.submit(() -> as(n % 2 == 0 ? "commander" : "comms")
                    .body(Map.of("status", "identified", "message", text("갱신 " + n, "Update " + n)))
                    .post("/api/incidents/{n}/updates", number)));
        }
        int published = 0;
        for (Future<io.restassured.response.Response> call : calls) {
            io.restassured.response.Response r = call.get(60, TimeUnit.SECONDS);
            if (r.statusCode() == 201) {
                published++;
            } else {
                assertEquals(409, r.statusCode(), r.asString());
                assertTrue(r.jsonPath().getString("detail").contains("changed while you were editing"));
            }
        }
        pool.shutdown();
        long recorded = entriesOf(number, before).stream()
                .filter(e -> e.get("type").equals("incident.update_published"))
                .count();
        assertEquals(published, recorded, "every acknowledged update is recorded, and nothing else");
        assertEquals(published + 1, get(number).getList("updates").size());
        update(number, "resolved", List.of());
    }
}
