package bonbu.incident;

import static bonbu.incident.Incidents.change;
import static bonbu.incident.Incidents.declare;
import static bonbu.incident.Incidents.entriesOf;
import static bonbu.incident.Incidents.get;
import static bonbu.incident.Incidents.typesOf;
import static bonbu.incident.Incidents.update;
import static bonbu.support.Api.as;
import static bonbu.support.Api.component;
import static bonbu.support.Api.lastSeq;
import static bonbu.support.Api.uniqueKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Overdue public updates are flagged per severity, once per lapse; time is driven by the clock. */
@QuarkusTest
class IncidentCadenceTest {

    @Inject
    IncidentService incidents;

    @Test
    void aSev1IncidentWithoutAnUpdateFor30MinutesIsFlaggedOncePerLapse() {
        String key = uniqueKey("cadence");
        as("admin").body(component(key, 1, true)).post("/api/components").then().statusCode(201);
        String number = declare("갱신 지연", List.of(change(key, "major_outage")));
        assertEquals("SEV1", get(number).getString("severity"));
        long before = lastSeq();

        TestClock.advance(Duration.ofMinutes(29));
        incidents.flagOverdueUpdates();
        assertFalse(typesOf(entriesOf(number, before)).contains("incident.update_overdue"), "not yet due");

        TestClock.advance(Duration.ofMinutes(2));
        incidents.flagOverdueUpdates();
        incidents.flagOverdueUpdates();
        List<Map<String, Object>> flagged = entriesOf(number, before).stream()
                .filter(e -> e.get("type").equals("incident.update_overdue"))
                .toList();
        assertEquals(1, flagged.size(), "flagged once for this lapse");
        assertEquals("STAFF", flagged.get(0).get("audience"));
        assertEquals(30, ((Map<?, ?>) flagged.get(0).get("data")).get("allowedMinutes"));
        assertTrue(get(number).getBoolean("updateOverdue"));

        update(number, "identified", List.of());
        assertFalse(get(number).getBoolean("updateOverdue"));
        TestClock.advance(Duration.ofMinutes(31));
        incidents.flagOverdueUpdates();
        long lapses = entriesOf(number, before).stream()
                .filter(e -> e.get("type").equals("incident.update_overdue"))
                .count();
        assertEquals(2, lapses, "a new lapse after a new update is flagged again");
        update(number, "resolved", List.of());
    }
}
