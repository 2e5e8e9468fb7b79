package bonbu.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import bonbu.component.ComponentFact.Change;
import bonbu.component.ComponentFact.Changes;
import bonbu.component.ComponentFact.ComponentStatusChanged;
import bonbu.component.ComponentFact.ComponentUpdated;
import bonbu.component.ComponentFact.EffectiveStatusChanged;
import bonbu.component.ComponentFact.ImpactGroup;
import bonbu.shared.LocalizedText;
import bonbu.timeline.Audience;
import bonbu.timeline.Facts;
import bonbu.timeline.TimelineEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Catalog facts as readers meet them: decoded by type, and stored with only the keys they carry. */
class ComponentFactTest {

    private static TimelineEvent stored(String type, Map<String, Object> data) {
        return new TimelineEvent(1, Instant.parse("2023-11-17T00:00:00Z"), null, "admin", type, Audience.PUBLIC, data);
    }

    @Test
    void anEditStoresOnlyTheFieldsItChanged() {
        var edited = new ComponentUpdated("gov24", new Changes(null, null, null, new Change<>(2, 1), null, null, null));

        assertEquals(Map.of("key", "gov24", "changes", Map.of("tier", Map.of("from", 2, "to", 1))), Facts.data(edited));
    }

    @Test
    void aDescriptionAddedWhereThereWasNoneKeepsItsEmptyFrom() {
        var edited = new ComponentUpdated(
                "gov24",
                new Changes(null, null, null, null, null, new Change<>(null, LocalizedText.korean("설명")), null));

        @SuppressWarnings("unchecked")
        var description =
                (Map<String, Object>) ((Map<String, Object>) Facts.data(edited).get("changes")).get("description");
        assertEquals(List.of("from", "to"), List.copyOf(description.keySet()));
        assertNull(description.get("from"));
    }

    @Test
    void aStatusSetOutsideAnIncidentStoresNoIncidentKey() {
        var set = new ComponentStatusChanged(
                "gpki-auth",
                new LocalizedText("GPKI", "GPKI"),
                ComponentStatus.OPERATIONAL,
                ComponentStatus.MAJOR_OUTAGE,
                "sign-in fails",
                null);

        Map<String, Object> data = Facts.data(set);

        assertFalse(data.containsKey("incident"));
        assertEquals("major_outage", data.get("to"));
        assertEquals(set, stored("component.status_changed", data).fact(ComponentFact.class));
    }

    @Test
    void aStoredEffectiveChangeReadsBackAsAnImpact() {
        Map<String, Object> data = Map.of(
                "changes",
                        List.of(Map.of(
                                "from",
                                "operational",
                                "to",
                                "major_outage",
                                "causes",
                                List.of("gpki-auth"),
                                "keys",
                                List.of("gov24", "saeol"))),
                "causeNames", Map.of("gpki-auth", Map.of("ko", "GPKI 인증", "en", "GPKI sign-in")));

        ComponentFact fact = stored("component.effective_status_changed", data).fact(ComponentFact.class);

        var impact = assertInstanceOf(EffectiveStatusChanged.class, fact);
        assertEquals(
                List.of(new ImpactGroup(
                        ComponentStatus.OPERATIONAL,
                        ComponentStatus.MAJOR_OUTAGE,
                        List.of("gpki-auth"),
                        List.of("gov24", "saeol"))),
                impact.changes());
        assertEquals("GPKI sign-in", impact.causeNames().get("gpki-auth").en());
    }

    @Test
    void anEntryOfAnotherFamilyIsNoComponentFact() {
        TimelineEvent other = stored("task.created", Map.of("id", 1));

        assertFalse(other.isOf(ComponentFact.class));
        assertNull(other.fact(ComponentFact.class));
    }
}
