package bonbu.review;

import static bonbu.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import bonbu.support.Api;
import bonbu.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 17 November 2023 outage (../shared/scenarios/2023-11-17-gpki.md) replayed on a fresh copy
 * of its catalog with the clock driven: detected 08:40, declared 09:30, Gov24 back 18 Nov 10:00,
 * Saeol back 19 Nov 18:00, full recovery declared 20 Nov 09:00.
 */
@QuarkusTest
class GpkiMeasuresTest {

    static void component(String key, int tier, boolean isPublic) {
        Map<String, Object> body = new HashMap<>(Api.component(key, tier, isPublic));
        as("admin").body(body).post("/api/components").then().statusCode(201);
    }

    static Map<String, Object> set(String key, String status) {
        return Map.of("key", key, "status", status);
    }

    static void update(String number, String status, List<Map<String, Object>> components) {
        as("comms")
                .body(Map.of("status", status, "message", Map.of("ko", status), "components", components))
                .post("/api/incidents/{n}/updates", number)
                .then()
                .statusCode(201);
    }

    static void advanceTo(Instant detected, Duration sinceDetection) {
        Duration gap = Duration.between(TestClock.now(), detected.plus(sinceDetection));
        TestClock.advance(gap);
    }

    @Test
    void keyTimesAndMinutesPerComponentFollowTheOutage() {
        String net = Api.uniqueKey("nirs");
        String auth = Api.uniqueKey("gpki");
        String saeol = Api.uniqueKey("saeol");
        String gov24 = Api.uniqueKey("gov24");
        String certs = Api.uniqueKey("certs");
        String resident = Api.uniqueKey("resident");
        String counters = Api.uniqueKey("counters");
        String family = Api.uniqueKey("family");
        component(net, 1, false);
        component(auth, 1, false);
        component(saeol, 1, false);
        component(gov24, 1, true);
        component(certs, 1, true);
        component(resident, 2, true);
        component(counters, 2, true);
        component(family, 2, true);
        Api.depend(auth, net, "REQUIRED");
        Api.depend(saeol, auth, "REQUIRED");
        Api.depend(gov24, auth, "REQUIRED");
        Api.depend(certs, gov24, "REQUIRED");
        Api.depend(certs, saeol, "REQUIRED");
        Api.depend(resident, saeol, "REQUIRED");
        Api.depend(counters, saeol, "DEGRADES");

        // 08:40 sign-in starts failing; the headquarters declares at 09:30.
        Instant detected = TestClock.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        advanceTo(detected, Duration.ofMinutes(50));
        String number = as("commander")
                .body(Map.of(
                        "title", Map.of("ko", "행정전자서명 인증 장애"),
                        "components", List.of(set(auth, "major_outage")),
                        "message", Map.of("ko", "조사 중"),
                        "detectedAt", detected.toString()))
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("number");
        // 18 Nov 10:00: sign-in fixed for Gov24; Saeol still down on its own.
        advanceTo(detected, Duration.ofHours(25).plusMinutes(20));
        update(number, "identified", List.of(set(auth, "operational"), set(saeol, "major_outage")));
        // 19 Nov 18:00: Saeol back.
        advanceTo(detected, Duration.ofHours(57).plusMinutes(20));
        update(number, "monitoring", List.of(set(saeol, "operational")));
        // 20 Nov 09:00: full recovery declared.
        advanceTo(detected, Duration.ofHours(72).plusMinutes(20));
        update(number, "resolved", List.of());

        JsonPath m = as("viewer")
                .get("/api/incidents/{n}/timeline/measures", number)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(50, m.getLong("minutesToDeclare"));
        assertEquals(57 * 60 + 20, m.getLong("minutesToMitigate"));
        assertEquals(72 * 60 + 20, m.getLong("minutesToResolve"));

        assertEquals(Map.of("major_outage", 1470), minutes(m, auth), "09:30 → next day 10:00");
        assertEquals(Map.of("major_outage", 1470), minutes(m, gov24));
        assertEquals(Map.of("major_outage", 3390), minutes(m, saeol), "09:30 → 19 Nov 18:00");
        assertEquals(Map.of("major_outage", 3390), minutes(m, certs));
        assertEquals(Map.of("major_outage", 3390), minutes(m, resident));
        assertEquals(Map.of("degraded_performance", 3390), minutes(m, counters));
        assertEquals(true, component(m, auth).get("direct"));
        assertEquals(false, component(m, gov24).get("direct"));
        assertEquals(120, component(m, gov24).get("recoveryTargetMinutes"));
        assertEquals(false, component(m, gov24).get("targetMet"), "a day is past a tier-1 target of 2 h");
        assertEquals(240, component(m, counters).get("recoveryTargetMinutes"));
        List<String> keys = m.getList("components.key");
        assertFalse(keys.contains(family), "the separate registry stayed up");
        assertFalse(keys.contains(net), "the network itself was never marked down");
        Instant firstDown = Instant.parse(component(m, gov24).get("firstDownAt").toString());
        Duration afterDetection = Duration.between(detected, firstDown);
        assertEquals(50, afterDetection.toMinutes(), "down from the declaration, when its status was set");
    }

    static Map<String, Object> component(JsonPath m, String key) {
        return m.<Map<String, Object>>getList("components").stream()
                .filter(c -> key.equals(c.get("key")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(key + " not among " + m.getList("components.key")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> minutes(JsonPath m, String key) {
        return (Map<String, Object>) component(m, key).get("minutes");
    }
}
