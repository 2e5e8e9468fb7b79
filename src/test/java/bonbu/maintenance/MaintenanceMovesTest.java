package bonbu.maintenance;

import static bonbu.maintenance.MaintenanceStatus.CANCELLED;
import static bonbu.maintenance.MaintenanceStatus.COMPLETED;
import static bonbu.maintenance.MaintenanceStatus.IN_PROGRESS;
import static bonbu.maintenance.MaintenanceStatus.SCHEDULED;
import static bonbu.maintenance.MaintenanceStatus.VERIFYING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bonbu.shared.LocalizedText;
import bonbu.shared.problem.DomainException;
import bonbu.shared.problem.ProblemException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The window's state machine and its planning rules, without a database. */
class MaintenanceMovesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private static Maintenance window() {
        Maintenance m = Maintenance.plan(
                new LocalizedText("점검", null),
                List.of("gov24"),
                NOW.plusSeconds(3600),
                NOW.plusSeconds(7200),
                new LocalizedText("안내", null),
                NOW);
        m.number = "MNT-2026-0001";
        return m;
    }

    private static Maintenance windowIn(MaintenanceStatus status) {
        Maintenance m = window();
        m.status = status;
        return m;
    }

    @Test
    void everyForwardMoveIsAllowedAndNothingElse() {
        Set<List<MaintenanceStatus>> allowed = Set.of(
                List.of(SCHEDULED, IN_PROGRESS),
                List.of(SCHEDULED, VERIFYING),
                List.of(SCHEDULED, COMPLETED),
                List.of(SCHEDULED, CANCELLED),
                List.of(IN_PROGRESS, VERIFYING),
                List.of(IN_PROGRESS, COMPLETED),
                List.of(VERIFYING, COMPLETED));
        for (MaintenanceStatus from : MaintenanceStatus.values()) {
            for (MaintenanceStatus to : MaintenanceStatus.values()) {
                Maintenance m = windowIn(from);
                if (allowed.contains(List.of(from, to))) {
                    m.moveTo(to, NOW);
                    assertEquals(to, m.status, from + " → " + to);
                } else {
                    assertThrows(DomainException.class, () -> m.moveTo(to, NOW), from + " → " + to);
                    assertEquals(from, m.status);
                }
            }
        }
    }

    @Test
    void movesRecordWhenTheWindowStartedCompletedOrWasCancelled() {
        Maintenance m = window();
        m.moveTo(IN_PROGRESS, NOW.plusSeconds(1));
        m.moveTo(VERIFYING, NOW.plusSeconds(2));
        m.moveTo(COMPLETED, NOW.plusSeconds(3));
        assertEquals(NOW.plusSeconds(1), m.startedAt);
        assertEquals(NOW.plusSeconds(3), m.completedAt);
        assertEquals(NOW.plusSeconds(3), m.updatedAt);

        Maintenance cancelled = window();
        cancelled.moveTo(CANCELLED, NOW.plusSeconds(5));
        assertEquals(NOW.plusSeconds(5), cancelled.cancelledAt);
        assertNull(cancelled.startedAt);
    }

    @Test
    void aRefusalSaysWhereTheWindowStandsAndWhereItCanGo() {
        DomainException e =
                assertThrows(DomainException.class, () -> windowIn(VERIFYING).moveTo(IN_PROGRESS, NOW));
        assertEquals(409, e.status());
        assertEquals("verifying", e.extensions().get("current"));
        assertEquals(List.of("completed"), e.extensions().get("allowed"));
        assertEquals(
                "Maintenance MNT-2026-0001 is verifying and cannot go back to in_progress: a window only moves"
                        + " forward. From verifying it can move to: completed.",
                e.getMessage());
    }

    @Test
    void theSchedulerMovesOnlyWindowsThatAreDue() {
        Maintenance m = window();
        assertEquals(false, m.isDue(IN_PROGRESS, NOW));
        assertEquals(true, m.isDue(IN_PROGRESS, m.scheduledFor));
        assertEquals(false, m.isDue(COMPLETED, m.scheduledUntil), "not started");
        m.moveTo(VERIFYING, NOW);
        assertEquals(true, m.isDue(COMPLETED, m.scheduledUntil));
        assertEquals(false, m.isDue(COMPLETED, m.scheduledUntil.minusSeconds(1)));
    }

    @Test
    void aWindowMustEndAfterItStartsAndNotBeOverAlready() {
        LocalizedText text = new LocalizedText("점검", null);
        ProblemException backwards = assertThrows(
                ProblemException.class,
                () -> Maintenance.plan(text, List.of("a"), NOW.plusSeconds(60), NOW.plusSeconds(60), text, NOW));
        assertEquals(400, backwards.status());
        ProblemException over = assertThrows(
                ProblemException.class,
                () -> Maintenance.plan(text, List.of("a"), NOW.minusSeconds(120), NOW.minusSeconds(60), text, NOW));
        assertEquals(400, over.status());
    }

    @Test
    void listingStatesCoverTheRightStatuses() {
        assertEquals(EnumSet.of(SCHEDULED), MaintenanceStatus.inState("upcoming"));
        assertEquals(EnumSet.of(IN_PROGRESS, VERIFYING), MaintenanceStatus.inState("active"));
        assertEquals(EnumSet.of(COMPLETED), MaintenanceStatus.inState("completed"));
        assertEquals(EnumSet.allOf(MaintenanceStatus.class), MaintenanceStatus.inState(null));
        assertThrows(ProblemException.class, () -> MaintenanceStatus.inState("past"));
    }
}
