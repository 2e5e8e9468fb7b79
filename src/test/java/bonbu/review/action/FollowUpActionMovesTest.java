package bonbu.review.action;

import static bonbu.review.action.ActionStatus.CANCELLED;
import static bonbu.review.action.ActionStatus.DONE;
import static bonbu.review.action.ActionStatus.IN_PROGRESS;
import static bonbu.review.action.ActionStatus.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bonbu.shared.problem.DomainException;
import bonbu.shared.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A follow-up action's state machine, without a database. */
class FollowUpActionMovesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private static FollowUpAction actionIn(ActionStatus status) {
        FollowUpAction a = new FollowUpAction();
        a.id = 7L;
        a.incidentNumber = "INC-2026-0001";
        a.title = "라우터 이중화";
        a.owner = "responder";
        a.dueDate = LocalDate.parse("2026-04-01");
        a.status = status;
        a.createdBy = "commander";
        a.createdAt = NOW;
        a.updatedAt = NOW;
        return a;
    }

    @Test
    void everyForwardMoveIsAllowedAndNothingElse() {
        Set<List<ActionStatus>> allowed = Set.of(
                List.of(OPEN, IN_PROGRESS),
                List.of(OPEN, DONE),
                List.of(OPEN, CANCELLED),
                List.of(IN_PROGRESS, DONE),
                List.of(IN_PROGRESS, CANCELLED));
        for (ActionStatus from : ActionStatus.values()) {
            for (ActionStatus to : ActionStatus.values()) {
                FollowUpAction a = actionIn(from);
                if (allowed.contains(List.of(from, to))) {
                    a.moveTo(to, "reason", NOW.plusSeconds(60));
                    assertEquals(to, a.status, from + " → " + to);
                    assertEquals(NOW.plusSeconds(60), a.updatedAt);
                } else {
                    assertThrows(DomainException.class, () -> a.moveTo(to, "reason", NOW), from + " → " + to);
                    assertEquals(from, a.status);
                    assertEquals(NOW, a.updatedAt);
                }
            }
        }
    }

    @Test
    void aRefusalSaysWhereTheActionStandsAndWhereItCanGo() {
        DomainException back =
                assertThrows(DomainException.class, () -> actionIn(IN_PROGRESS).moveTo(OPEN, null, NOW));
        assertEquals(409, back.status());
        assertEquals(
                "Action 7 is in_progress; it cannot become open. Allowed now: done, cancelled.", back.getMessage());

        DomainException done =
                assertThrows(DomainException.class, () -> actionIn(DONE).moveTo(CANCELLED, "x", NOW));
        assertEquals("Action 7 is done; it cannot become cancelled. Allowed now: none: it is done.", done.getMessage());
    }

    @Test
    void cancellingNeedsAReasonAndKeepsIt() {
        FollowUpAction a = actionIn(OPEN);
        ProblemException noReason = assertThrows(ProblemException.class, () -> a.moveTo(CANCELLED, " ", NOW));
        assertEquals(400, noReason.status());
        assertEquals(OPEN, a.status);

        a.moveTo(CANCELLED, "  merged into action 3  ", NOW);
        assertEquals(CANCELLED, a.status);
        assertEquals("merged into action 3", a.note);
    }

    @Test
    void aMoveWithoutANoteKeepsTheNoteItHad() {
        FollowUpAction a = actionIn(OPEN);
        a.moveTo(IN_PROGRESS, "ordered the second router", NOW);
        a.moveTo(DONE, null, NOW.plusSeconds(1));
        assertEquals("ordered the second router", a.note);
        assertNull(actionIn(OPEN).note);
    }

    @Test
    void onlyOpenAndInProgressCountAsOpen() {
        assertEquals(true, OPEN.isOpen());
        assertEquals(true, IN_PROGRESS.isOpen());
        assertEquals(false, DONE.isOpen());
        assertEquals(false, CANCELLED.isOpen());
    }
}
