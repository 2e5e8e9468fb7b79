package bonbu.incident;

import static bonbu.incident.Incidents.change;
import static bonbu.incident.Incidents.entriesOf;
import static bonbu.incident.Incidents.get;
import static bonbu.incident.Incidents.text;
import static bonbu.incident.Incidents.typesOf;
import static bonbu.support.Api.as;
import static bonbu.support.Api.lastSeq;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replays the 17–22 November 2023 outage (../shared/scenarios/2023-11-17-gpki.md) through the
 * HTTP API on the demo catalog, then checks the final state and the timeline.
 */
@QuarkusTest
class GpkiOutageReplayTest {

    private static final List<String> DEMO = List.of(
            "nirs-network",
            "gpki-auth",
            "saeol",
            "family-registration",
            "local-office-counters",
            "gov24",
            "gov24-certificates",
            "resident-registration",
            "gov24-guidance");

    @Test
    void theNovember2023OutageFromDeclarationToTheLinkedOverloadIncident() {
        long start = lastSeq();

        // 17 Nov 08:40 KST: GPKI sign-in fails; declared in the morning.
        String first = as("commander")
                .body(
                        Map.of(
                                "title", text("행정전자서명(GPKI) 인증 장애", "GPKI sign-in failure"),
                                "components", List.of(change("gpki-auth", "major_outage")),
                                "detectedAt", "2023-11-16T23:40:00Z",
                                "message",
                                        text(
                                                "행정전자서명 인증 장애로 새올 행정시스템과 정부24 이용이 어렵습니다. 주민센터는 긴급 민원을 수기로 접수합니다.",
                                                "GPKI sign-in is failing: Saeol and Gov24 are unavailable. Community centres take urgent requests by hand.")))
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .body("severity", equalTo("SEV1"))
                .extract()
                .path("number");
        JsonPath declared = get(first);
        for (String key : List.of("saeol", "gov24", "gov24-certificates", "resident-registration")) {
            int i = declared.getList("components.key").indexOf(key);
            assertTrue(i >= 0, key + " is affected through GPKI");
            assertEquals("major_outage", declared.getString("components[" + i + "].effectiveStatus"));
            assertTrue(declared.getList("components[" + i + "].causes.key").contains("gpki-auth"));
        }
        as("viewer")
                .get("/api/components/local-office-counters")
                .then()
                .body("effectiveStatus", equalTo("degraded_performance"));

        // The headquarters staffs up.
        as("commander")
                .body(Map.of("member", "responder"))
                .put("/api/incidents/{n}/roles/OPERATIONS_LEAD", first)
                .then()
                .statusCode(200);
        as("commander")
                .body(Map.of("member", "comms"))
                .put("/api/incidents/{n}/roles/COMMUNICATIONS_LEAD", first)
                .then()
                .statusCode(200);

        // 18 Nov: suspected cause; Gov24 resumes once sign-in works for it, Saeol is still down.
        as("comms")
                .body(Map.of(
                        "status", "identified",
                        "message",
                                text(
                                        "정부24는 임시 재개되었습니다. 새올은 복구 중입니다.",
                                        "Gov24 has resumed for now. Saeol is still being restored."),
                        "components", List.of(change("gpki-auth", "partial_outage"), change("saeol", "major_outage"))))
                .post("/api/incidents/{n}/updates", first)
                .then()
                .statusCode(201);
        as("viewer").get("/api/components/gov24").then().body("effectiveStatus", equalTo("partial_outage"));
        as("viewer").get("/api/components/gov24-certificates").then().body("effectiveStatus", equalTo("major_outage"));

        // 19 Nov: Saeol recovered over the weekend; 20 Nov: full recovery declared.
        as("comms")
                .body(Map.of(
                        "status",
                        "monitoring",
                        "message",
                        text("새올이 복구되어 상태를 지켜보고 있습니다.", "Saeol is back; we are monitoring."),
                        "components",
                        List.of(change("saeol", "operational"), change("gpki-auth", "operational"))))
                .post("/api/incidents/{n}/updates", first)
                .then()
                .statusCode(201);
        as("commander")
                .body(Map.of(
                        "status",
                        "resolved",
                        "message",
                        text("모든 민원 서비스가 정상화되었습니다.", "All civil services are back to normal.")))
                .post("/api/incidents/{n}/updates", first)
                .then()
                .statusCode(201);

        // 22 Nov: a 20-minute overload; some offices cannot issue resident registration copies.
        String second = as("commander")
                .body(Map.of(
                        "title", text("과부하로 인한 민원 지연", "Slowdown from overload"),
                        "components", List.of(change("resident-registration", "degraded_performance")),
                        "message",
                                text(
                                        "일부 지역에서 주민등록 등·초본 발급이 지연됩니다.",
                                        "Resident registration copies are slow in some areas.")))
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .body("severity", equalTo("SEV3"))
                .extract()
                .path("number");
        as("commander")
                .body(Map.of("number", first, "kind", "RELATED"))
                .post("/api/incidents/{n}/links", second)
                .then()
                .statusCode(201);
        as("commander")
                .body(Map.of(
                        "status", "resolved", "message", text("20분 만에 정상화되었습니다.", "Back to normal after 20 minutes.")))
                .post("/api/incidents/{n}/updates", second)
                .then()
                .statusCode(201);

        // Final state: both resolved and linked, every demo component operational again.
        JsonPath a = get(first);
        JsonPath b = get(second);
        assertEquals("resolved", a.getString("status"));
        assertEquals("resolved", b.getString("status"));
        assertEquals(second, a.getString("links[0].number"));
        assertEquals(first, b.getString("links[0].number"));
        assertEquals("RELATED", a.getString("links[0].kind"));
        assertEquals(List.of("resolved", "monitoring", "identified", "investigating"), a.getList("updates.status"));
        assertEquals("2023-11-16T23:40:00Z", a.getString("keyTimes.detectedAt"));
        assertTrue(a.getLong("durations.toDeclareSeconds") > 0);
        assertEquals(
                List.of("INCIDENT_COMMANDER", "OPERATIONS_LEAD", "COMMUNICATIONS_LEAD"), a.getList("roleHistory.role"));
        for (String key : DEMO) {
            as("viewer").get("/api/components/{k}", key).then().body("effectiveStatus", equalTo("operational"));
        }

        // The timeline holds every step of the first incident, in order.
        List<Object> types = typesOf(entriesOf(first, start));
        List<String> story = types.stream()
                .map(String::valueOf)
                .filter(t -> t.startsWith("incident."))
                .toList();
        assertEquals(
                List.of(
                        "incident.declared",
                        "incident.severity_set",
                        "incident.role_assigned",
                        "incident.role_assigned",
                        "incident.role_assigned",
                        "incident.update_published",
                        "incident.update_published",
                        "incident.update_published",
                        "incident.linked"),
                story);
        assertTrue(types.contains("component.status_changed"));
        assertTrue(types.contains("component.effective_status_changed"));
    }
}
