package bonbu.review.hypothesis;

import static bonbu.review.hypothesis.HypothesisStatus.CONFIRMED;
import static bonbu.review.hypothesis.HypothesisStatus.REFUTED;
import static bonbu.review.hypothesis.HypothesisStatus.SUSPECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.shared.problem.DomainException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A cause hypothesis's state machine and publishing rule, without a database. */
class CauseHypothesisMovesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private static CauseHypothesis hypothesisIn(HypothesisStatus status, boolean published) {
        CauseHypothesis h = new CauseHypothesis();
        h.id = 4L;
        h.incidentNumber = "INC-2026-0001";
        h.statementKo = "라우터 장애";
        h.status = status;
        h.published = published;
        h.createdBy = "responder";
        h.createdAt = NOW;
        h.updatedAt = NOW;
        return h;
    }

    @Test
    void aSuspicionIsConfirmedOrRefutedAndAConfirmedCauseCanStillBeRefuted() {
        Set<List<HypothesisStatus>> allowed =
                Set.of(List.of(SUSPECTED, CONFIRMED), List.of(SUSPECTED, REFUTED), List.of(CONFIRMED, REFUTED));
        for (HypothesisStatus from : HypothesisStatus.values()) {
            for (HypothesisStatus to : HypothesisStatus.values()) {
                CauseHypothesis h = hypothesisIn(from, false);
                if (allowed.contains(List.of(from, to))) {
                    h.moveTo(to, NOW.plusSeconds(60));
                    assertEquals(to, h.status, from + " → " + to);
                    assertEquals(NOW.plusSeconds(60), h.updatedAt);
                } else {
                    assertThrows(DomainException.class, () -> h.moveTo(to, NOW), from + " → " + to);
                    assertEquals(from, h.status);
                    assertEquals(NOW, h.updatedAt);
                }
            }
        }
    }

    @Test
    void aRefusalSaysWhatIsAllowedAndWhatToDoInstead() {
        DomainException refuted = assertThrows(
                DomainException.class, () -> hypothesisIn(REFUTED, false).moveTo(CONFIRMED, NOW));
        assertEquals(409, refuted.status());
        assertEquals(
                "Hypothesis 4 is refuted; it cannot become confirmed. Allowed now: none: it is refuted. A refuted"
                        + " hypothesis stays refuted: record a new one instead.",
                refuted.getMessage());

        DomainException confirmed = assertThrows(
                DomainException.class, () -> hypothesisIn(CONFIRMED, false).moveTo(SUSPECTED, NOW));
        assertEquals(
                "Hypothesis 4 is confirmed; it cannot become suspected. Allowed now: refuted. A confirmed cause can"
                        + " only be refuted.",
                confirmed.getMessage());
    }

    @Test
    void refutingThePublishedCauseUnpublishesIt() {
        CauseHypothesis h = hypothesisIn(CONFIRMED, true);
        h.moveTo(REFUTED, NOW.plusSeconds(5));
        assertFalse(h.published);
        assertEquals(NOW.plusSeconds(5), h.updatedAt);
    }

    @Test
    void onlyAConfirmedCauseIsPublishedAndOnlyOnce() {
        for (HypothesisStatus s : List.of(SUSPECTED, REFUTED)) {
            CauseHypothesis h = hypothesisIn(s, false);
            DomainException e = assertThrows(DomainException.class, () -> h.publish(NOW));
            assertTrue(e.getMessage().contains("only a confirmed cause can be published"), e.getMessage());
            assertFalse(h.published);
        }
        CauseHypothesis h = hypothesisIn(CONFIRMED, false);
        h.publish(NOW.plusSeconds(9));
        assertTrue(h.published);
        assertEquals(NOW.plusSeconds(9), h.updatedAt);
        assertThrows(DomainException.class, () -> h.publish(NOW.plusSeconds(10)));
    }
}
