package bonbu.task;

import static bonbu.task.TaskStatus.BLOCKED;
import static bonbu.task.TaskStatus.CANCELLED;
import static bonbu.task.TaskStatus.DONE;
import static bonbu.task.TaskStatus.IN_PROGRESS;
import static bonbu.task.TaskStatus.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.shared.problem.DomainException;
import bonbu.shared.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The task's state machine, without a database. */
class TaskMovesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private static Task taskIn(TaskStatus status) {
        Task t = new Task();
        t.id = 12L;
        t.incidentNumber = "INC-2026-0001";
        t.title = "GPKI 인증서버 재기동";
        t.priority = Priority.P1;
        t.status = status;
        t.reason = status.needsReason() ? "earlier reason" : null;
        t.updatedAt = NOW.minusSeconds(60);
        return t;
    }

    @Test
    void everyAllowedMoveIsTakenAndNothingElse() {
        Set<List<TaskStatus>> allowed = Set.of(
                List.of(OPEN, IN_PROGRESS),
                List.of(OPEN, BLOCKED),
                List.of(OPEN, DONE),
                List.of(OPEN, CANCELLED),
                List.of(IN_PROGRESS, BLOCKED),
                List.of(IN_PROGRESS, DONE),
                List.of(IN_PROGRESS, CANCELLED),
                List.of(BLOCKED, IN_PROGRESS),
                List.of(BLOCKED, CANCELLED));
        for (TaskStatus from : TaskStatus.values()) {
            for (TaskStatus to : TaskStatus.values()) {
                Task t = taskIn(from);
                if (allowed.contains(List.of(from, to))) {
                    t.moveTo(to, "because", NOW);
                    assertEquals(to, t.status, from + " → " + to);
                    assertEquals(NOW, t.updatedAt, from + " → " + to);
                } else {
                    assertThrows(DomainException.class, () -> t.moveTo(to, "because", NOW), from + " → " + to);
                    assertEquals(from, t.status, from + " → " + to);
                    assertEquals(NOW.minusSeconds(60), t.updatedAt, from + " → " + to);
                }
            }
        }
    }

    @Test
    void aRefusalSaysWhereTheTaskStandsAndWhereItCanGo() {
        DomainException back =
                assertThrows(DomainException.class, () -> taskIn(BLOCKED).moveTo(DONE, null, NOW));
        assertEquals(409, back.status());
        assertEquals(
                "Task 12 is blocked; it cannot become done. Allowed now: in_progress, cancelled.", back.getMessage());

        DomainException over =
                assertThrows(DomainException.class, () -> taskIn(DONE).moveTo(OPEN, null, NOW));
        assertEquals("Task 12 is done; it cannot become open. Allowed now: none: it is done.", over.getMessage());
    }

    @Test
    void blockingAndCancellingNeedAReasonWhichLeavesWithTheNextMove() {
        Task t = taskIn(IN_PROGRESS);
        ProblemException noReason = assertThrows(ProblemException.class, () -> t.moveTo(BLOCKED, "  ", NOW));
        assertEquals(400, noReason.status());
        assertEquals(IN_PROGRESS, t.status);

        t.moveTo(BLOCKED, "  waiting for the vendor ", NOW);
        assertEquals("waiting for the vendor", t.reason);
        t.moveTo(IN_PROGRESS, "ignored", NOW);
        assertNull(t.reason);
    }

    @Test
    void onlyAnOpenTaskCanBeClaimedOrReassigned() {
        Task open = taskIn(BLOCKED);
        open.claim("minji", NOW);
        assertEquals("minji", open.assignee);
        open.assign(null, "dc-ops", NOW);
        assertNull(open.assignee);
        assertEquals("dc-ops", open.team);

        for (TaskStatus closed : List.of(DONE, CANCELLED)) {
            Task t = taskIn(closed);
            assertThrows(DomainException.class, () -> t.claim("minji", NOW), closed.value());
            assertThrows(DomainException.class, () -> t.assign("minji", null, NOW), closed.value());
            assertNull(t.assignee);
        }
    }

    @Test
    void anOpenTaskPastItsDueTimeIsOverdueAndAClosedOneNever() {
        Task t = taskIn(IN_PROGRESS);
        t.dueAt = NOW;
        assertFalse(t.isOverdue(NOW));
        assertTrue(t.isOverdue(NOW.plusSeconds(1)));
        t.moveTo(DONE, null, NOW);
        assertFalse(t.isOverdue(NOW.plusSeconds(1)));
    }
}
