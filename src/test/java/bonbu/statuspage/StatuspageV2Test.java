package bonbu.statuspage;

import static bonbu.statuspage.PublicSite.awaitSnapshot;
import static bonbu.support.Api.as;
import static bonbu.support.Api.uniqueKey;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.statuspage.site.Texts;
import bonbu.statuspage.v2.V2Documents;
import bonbu.support.Api;
import bonbu.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The Statuspage v2 public API: Atlassian's shapes, field names and enum values. */
@QuarkusTest
class StatuspageV2Test {

    static final Set<String> PAGE = Set.of("id", "name", "url", "time_zone", "updated_at");
    static final Set<String> COMPONENT = Set.of(
            "id",
            "name",
            "status",
            "created_at",
            "updated_at",
            "position",
            "description",
            "showcase",
            "start_date",
            "group_id",
            "page_id",
            "group",
            "only_show_if_degraded");
    static final Set<String> INCIDENT = Set.of(
            "id",
            "name",
            "status",
            "created_at",
            "updated_at",
            "monitoring_at",
            "resolved_at",
            "impact",
            "shortlink",
            "started_at",
            "page_id",
            "incident_updates",
            "components");
    static final Set<String> UPDATE = Set.of(
            "id",
            "status",
            "body",
            "incident_id",
            "created_at",
            "updated_at",
            "display_at",
            "affected_components",
            "deliver_notifications",
            "custom_tweet",
            "tweet_id");
    static final Set<String> COMPONENT_STATUSES =
            Set.of("operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance");
    static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+09:00";

    @Inject
    PublicSnapshot snapshot;

    @Inject
    StatusPageConfig config;

    @Test
    void servedDocumentsAreTheSnapshotsStateWrittenAsTheGoldenTestWritesIt() {
        awaitSnapshot();
        Site site = snapshot.site();
        for (Texts t : Texts.values()) {
            String name = t == Texts.KO ? config.nameKo() : config.nameEn();
            Map<String, String> expected = V2Documents.of(site.state(), t, name, config.publicUrl());
            for (String file : V2Documents.FILES) {
                Resource served = site.get(t.prefix() + "/api/v2/" + file);
                assertEquals(
                        expected.get(file),
                        new String(served.body(), java.nio.charset.StandardCharsets.UTF_8),
                        t.lang() + " " + file);
            }
        }
    }

    static JsonPath json(String path) {
        return given().get(path)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("Access-Control-Allow-Origin", "*")
                .extract()
                .jsonPath();
    }

    static Set<String> keys(Map<String, ?> object) {
        return new TreeSet<>(object.keySet());
    }

    @Test
    void summaryHasStatuspageShapesFieldByField() {
        String upstream = uniqueKey("v2up");
        String down = uniqueKey("v2down");
        Api.createComponent(upstream);
        Api.createComponent(down);
        Api.depend(down, upstream, "REQUIRED");
        String number = as("commander")
                .body(Map.of(
                        "title", Map.of("ko", "발급 장애 " + down, "en", "Issuance outage " + down),
                        "components", List.of(Map.of("key", upstream, "status", "partial_outage")),
                        "message", Map.of("ko", "조사 중", "en", "Investigating")))
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("number");
        try {
            awaitSnapshot();
            JsonPath summary = json("/en/api/v2/summary.json");
            assertEquals(
                    Set.of("page", "components", "incidents", "scheduled_maintenances", "status"),
                    keys(summary.getMap("")));
            assertEquals(new TreeSet<>(PAGE), keys(summary.getMap("page")));
            assertEquals("Asia/Seoul", summary.getString("page.time_zone"));
            assertTrue(summary.getString("page.updated_at").matches(TIME), summary.getString("page.updated_at"));
            assertTrue(Set.of("none", "minor", "major", "critical", "maintenance")
                    .contains(summary.getString("status.indicator")));
            assertNotNull(summary.getString("status.description"));

            List<Map<String, Object>> components = summary.getList("components");
            Map<String, Object> downView = components.stream()
                    .filter(c -> down.equals(c.get("id")))
                    .findFirst()
                    .orElseThrow();
            assertEquals(new TreeSet<>(COMPONENT), keys(downView));
            assertEquals("partial_outage", downView.get("status"), "the effective status");
            assertEquals("Test " + down, downView.get("name"));
            assertEquals(false, downView.get("group"));
            Map<String, Object> group = components.stream()
                    .filter(c -> c.get("id").equals(downView.get("group_id")))
                    .findFirst()
                    .orElseThrow();
            assertEquals(true, group.get("group"));
            assertTrue(((List<?>) group.get("components")).contains(down));
            for (Map<String, Object> c : components) {
                assertTrue(COMPONENT_STATUSES.contains(c.get("status")), c.toString());
                assertTrue(c.get("created_at").toString().matches(TIME));
            }

            Map<String, Object> incident = summary.<Map<String, Object>>getList("incidents").stream()
                    .filter(i -> number.equals(i.get("id")))
                    .findFirst()
                    .orElseThrow();
            assertEquals(new TreeSet<>(INCIDENT), keys(incident));
            assertEquals("investigating", incident.get("status"));
            assertNull(incident.get("resolved_at"), "null while open");
            assertTrue(Set.of("none", "minor", "major", "critical").contains(incident.get("impact")));
            assertTrue(incident.get("shortlink").toString().endsWith("/en/incidents/" + number));
            assertTrue(incident.get("started_at").toString().matches(TIME));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> updates = (List<Map<String, Object>>) incident.get("incident_updates");
            assertEquals(1, updates.size());
            assertEquals(new TreeSet<>(UPDATE), keys(updates.get(0)));
            assertEquals("Investigating", updates.get(0).get("body"));
            assertEquals(number, updates.get(0).get("incident_id"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> affected =
                    (List<Map<String, Object>>) updates.get(0).get("affected_components");
            assertEquals(upstream, affected.get(0).get("code"));
            assertEquals("partial_outage", affected.get(0).get("new_status"));

            JsonPath unresolved = json("/api/v2/incidents/unresolved.json");
            assertEquals(Set.of("page", "incidents"), keys(unresolved.getMap("")));
            assertTrue(unresolved.getList("incidents.id").contains(number));
            assertEquals("발급 장애 " + down, unresolved.getString("incidents.find { it.id == '" + number + "' }.name"));
            JsonPath status = json("/api/v2/status.json");
            assertEquals(Set.of("page", "status"), keys(status.getMap("")));
            assertEquals(Set.of("indicator", "description"), keys(status.getMap("status")));
            assertEquals(
                    Set.of("page", "components"),
                    keys(json("/api/v2/components.json").getMap("")));
        } finally {
            as("commander")
                    .body(Map.of(
                            "status",
                            "resolved",
                            "message",
                            Map.of("ko", "해결", "en", "Resolved"),
                            "components",
                            List.of(Map.of("key", upstream, "status", "operational"))))
                    .post("/api/incidents/{n}/updates", number)
                    .then()
                    .statusCode(201);
        }
        awaitSnapshot();
        JsonPath all = json("/api/v2/incidents.json");
        String resolvedAt = all.getString("incidents.find { it.id == '" + number + "' }.resolved_at");
        assertNotNull(resolvedAt, "set once resolved");
        assertTrue(resolvedAt.matches(TIME));
        assertTrue(!json("/api/v2/incidents/unresolved.json")
                .getList("incidents.id")
                .contains(number));
    }

    @Test
    void scheduledMaintenancesHaveTheirWindowAndStatus() {
        String key = uniqueKey("v2maint");
        Api.createComponent(key);
        java.time.Instant from = TestClock.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        String number = as("commander")
                .body(Map.of(
                        "title", Map.of("ko", "정기 점검 " + key, "en", "Planned work " + key),
                        "components", List.of(key),
                        "scheduledFor", from.toString(),
                        "scheduledUntil", from.plus(Duration.ofHours(1)).toString(),
                        "message", Map.of("ko", "점검 중에는 이용할 수 없습니다", "en", "Unavailable during the work")))
                .post("/api/maintenances")
                .then()
                .statusCode(201)
                .extract()
                .path("number");
        awaitSnapshot();
        for (String path : List.of(
                "/api/v2/scheduled-maintenances.json",
                "/api/v2/scheduled-maintenances/upcoming.json",
                "/api/v2/summary.json")) {
            JsonPath doc = json(path);
            Map<String, Object> m = doc.<Map<String, Object>>getList("scheduled_maintenances").stream()
                    .filter(x -> number.equals(x.get("id")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(number + " missing from " + path));
            Set<String> expected = new TreeSet<>(INCIDENT);
            expected.addAll(Set.of("scheduled_for", "scheduled_until"));
            assertEquals(expected, keys(m), path);
            assertEquals("scheduled", m.get("status"));
            assertEquals("maintenance", m.get("impact"));
            assertEquals(Texts.iso(from), m.get("scheduled_for"));
            assertEquals(Texts.iso(from.plus(Duration.ofHours(1))), m.get("scheduled_until"));
        }
        assertTrue(!json("/api/v2/scheduled-maintenances/active.json")
                .getList("scheduled_maintenances.id")
                .contains(number));
        as("commander")
                .body(Map.of("status", "cancelled"))
                .post("/api/maintenances/{n}/status", number)
                .then()
                .statusCode(200);
    }
}
