package bonbu.statuspage;

import static bonbu.component.ComponentStatus.DEGRADED_PERFORMANCE;
import static bonbu.component.ComponentStatus.MAJOR_OUTAGE;
import static bonbu.component.ComponentStatus.OPERATIONAL;
import static bonbu.component.ComponentStatus.PARTIAL_OUTAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import bonbu.component.ComponentStatus;
import bonbu.timeline.Audience;
import bonbu.timeline.TimelineEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailyHistoryTest {

    static final LocalDate TODAY = LocalDate.of(2023, 11, 22);
    static final Instant NOW = kst("2023-11-22T12:00");

    static Instant kst(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(bonbu.shared.Kst.ZONE).toInstant();
    }

    static TimelineEvent moved(String at, ComponentStatus from, ComponentStatus to, String... keys) {
        return new TimelineEvent(
                1,
                kst(at),
                null,
                "system",
                DailyHistory.ENTRY_TYPE,
                Audience.PUBLIC,
                Map.of("changes", List.of(Map.of("from", from.value(), "to", to.value(), "keys", List.of(keys)))));
    }

    static ComponentStatus on(List<ComponentStatus> days, String date) {
        int index = (int) java.time.temporal.ChronoUnit.DAYS.between(TODAY.minusDays(89), LocalDate.parse(date));
        return days.get(index);
    }

    @Test
    void eachDayShowsTheWorstStatusHeldThatDayInKorea() {
        List<TimelineEvent> entries = new ArrayList<>();
        entries.add(moved("2023-11-17T09:10", OPERATIONAL, MAJOR_OUTAGE, "gov24"));
        entries.add(moved("2023-11-17T18:00", MAJOR_OUTAGE, DEGRADED_PERFORMANCE, "gov24"));
        entries.add(moved("2023-11-18T10:00", DEGRADED_PERFORMANCE, OPERATIONAL, "gov24"));
        // Across midnight in Korea: both days count.
        entries.add(moved("2023-11-20T23:30", OPERATIONAL, PARTIAL_OUTAGE, "gov24"));
        entries.add(moved("2023-11-21T00:30", PARTIAL_OUTAGE, OPERATIONAL, "gov24"));

        Map<String, List<ComponentStatus>> history =
                DailyHistory.compute(TODAY, NOW, Map.of("gov24", OPERATIONAL, "clean", OPERATIONAL), entries);

        List<ComponentStatus> gov24 = history.get("gov24");
        assertEquals(DailyHistory.DAYS, gov24.size());
        assertEquals(OPERATIONAL, on(gov24, "2023-11-16"));
        assertEquals(MAJOR_OUTAGE, on(gov24, "2023-11-17"));
        assertEquals(DEGRADED_PERFORMANCE, on(gov24, "2023-11-18"));
        assertEquals(OPERATIONAL, on(gov24, "2023-11-19"));
        assertEquals(PARTIAL_OUTAGE, on(gov24, "2023-11-20"));
        assertEquals(PARTIAL_OUTAGE, on(gov24, "2023-11-21"));
        assertEquals(OPERATIONAL, on(gov24, "2023-11-22"));
        assertFalse(history.containsKey("clean"), "a component fine all along needs no bar");
    }

    @Test
    void aComponentDownBeforeTheWindowAndStillDownIsDownEveryDay() {
        Map<String, List<ComponentStatus>> history =
                DailyHistory.compute(TODAY, NOW, Map.of("legacy", MAJOR_OUTAGE), List.of());
        assertEquals(
                List.of(MAJOR_OUTAGE), history.get("legacy").stream().distinct().toList());
    }

    @Test
    void theStatusBeforeTheFirstMoveInTheWindowCoversTheDaysBeforeIt() {
        Map<String, List<ComponentStatus>> history = DailyHistory.compute(
                TODAY,
                NOW,
                Map.of("slow", OPERATIONAL),
                List.of(moved("2023-11-01T08:00", DEGRADED_PERFORMANCE, OPERATIONAL, "slow")));
        List<ComponentStatus> slow = history.get("slow");
        assertEquals(DEGRADED_PERFORMANCE, slow.get(0), "degraded since before the window");
        assertEquals(DEGRADED_PERFORMANCE, on(slow, "2023-11-01"));
        assertEquals(OPERATIONAL, on(slow, "2023-11-02"));
    }

    @Test
    void entriesBeforeTheWindowAndOfOtherTypesAreIgnored() {
        TimelineEvent old = moved("2023-01-01T10:00", OPERATIONAL, MAJOR_OUTAGE, "gov24");
        TimelineEvent other = new TimelineEvent(
                2, kst("2023-11-20T10:00"), null, "system", "component.created", Audience.PUBLIC, Map.of());
        assertFalse(DailyHistory.compute(TODAY, NOW, Map.of("gov24", OPERATIONAL), List.of(old, other))
                .containsKey("gov24"));
    }
}
