package bonbu.incident;

import static bonbu.incident.terms.IncidentStatus.IDENTIFIED;
import static bonbu.incident.terms.IncidentStatus.INVESTIGATING;
import static bonbu.incident.terms.IncidentStatus.MONITORING;
import static bonbu.incident.terms.IncidentStatus.RESOLVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.component.ComponentStatus;
import bonbu.incident.terms.CommandRole;
import bonbu.incident.terms.IncidentStatus;
import bonbu.incident.terms.LinkKind;
import bonbu.incident.terms.Severity;
import bonbu.shared.LocalizedText;
import bonbu.shared.problem.DomainException;
import bonbu.shared.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The incident's state machine and its rules on roles, links and resolution, without a database. */
class IncidentMovesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private static Incident incident(long id, String number) {
        Incident incident = Incident.declare(new LocalizedText("인증 장애", null), null, "commander", NOW);
        incident.id = id;
        incident.number = number;
        incident.severity = Severity.SEV2;
        return incident;
    }

    private static Incident incidentIn(IncidentStatus status) {
        Incident incident = incident(1, "INC-2026-0001");
        incident.status = status;
        return incident;
    }

    private static RoleAssignment held(CommandRole role, String member) {
        return RoleAssignment.of(1L, role, member, "commander", NOW);
    }

    @Test
    void declaringStartsAnInvestigationDetectedNowUnlessSaidEarlier() {
        Incident now = Incident.declare(new LocalizedText("장애", "Outage"), null, "commander", NOW);
        assertEquals(INVESTIGATING, now.status);
        assertEquals(NOW, now.detectedAt);
        assertEquals(NOW, now.declaredAt);
        assertEquals(NOW, now.lastUpdateAt);
        assertEquals("commander", now.declaredBy);
        assertEquals(new LocalizedText("장애", "Outage"), now.title());

        Incident earlier = Incident.declare(new LocalizedText("장애", null), NOW.minusSeconds(600), "commander", NOW);
        assertEquals(NOW.minusSeconds(600), earlier.detectedAt);
        assertEquals(NOW, earlier.declaredAt);
    }

    @Test
    void aDetectionTimeInTheFutureIsRefused() {
        ProblemException refused = assertThrows(
                ProblemException.class,
                () -> Incident.declare(new LocalizedText("장애", null), NOW.plusSeconds(1), "commander", NOW));
        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().contains("detectedAt (2026-03-01T00:00:01Z) is in the future"));
    }

    @Test
    void everyForwardMoveAndStayingPutIsAllowedAndNothingElse() {
        for (IncidentStatus from : IncidentStatus.values()) {
            for (IncidentStatus to : IncidentStatus.values()) {
                Incident incident = incidentIn(from);
                if (from != RESOLVED && to.ordinal() >= from.ordinal()) {
                    assertEquals(from, incident.moveTo(to, NOW), from + " → " + to);
                    assertEquals(to, incident.status, from + " → " + to);
                } else {
                    assertThrows(DomainException.class, () -> incident.moveTo(to, NOW), from + " → " + to);
                    assertEquals(from, incident.status);
                }
            }
        }
    }

    @Test
    void goingBackIsRefusedSayingWhatIsAllowedNow() {
        DomainException back =
                assertThrows(DomainException.class, () -> incidentIn(MONITORING).moveTo(IDENTIFIED, NOW));
        assertEquals(
                "INC-2026-0001 is monitoring; it cannot go back to identified. Allowed now: monitoring, resolved.",
                back.getMessage());
        DomainException resolved =
                assertThrows(DomainException.class, () -> incidentIn(RESOLVED).moveTo(RESOLVED, NOW));
        assertTrue(resolved.getMessage().startsWith("INC-2026-0001 is resolved. Reopen it"), resolved.getMessage());
    }

    @Test
    void keyTimesAreRecordedTheFirstTimeEachStageIsReached() {
        Incident incident = incidentIn(INVESTIGATING);
        incident.moveTo(MONITORING, NOW.plusSeconds(10));
        assertEquals(NOW.plusSeconds(10), incident.identifiedAt, "skipping identified still identifies");
        assertEquals(NOW.plusSeconds(10), incident.mitigatedAt);
        assertNull(incident.resolvedAt);
        incident.moveTo(MONITORING, NOW.plusSeconds(20));
        assertEquals(NOW.plusSeconds(10), incident.mitigatedAt, "another update keeps the first time");
        incident.moveTo(RESOLVED, NOW.plusSeconds(30));
        assertEquals(NOW.plusSeconds(30), incident.resolvedAt);
        assertEquals(NOW.plusSeconds(30), incident.updatedAt);
    }

    @Test
    void onlyAResolvedIncidentCanBeReopenedAndItIsInvestigatedAgain() {
        assertThrows(DomainException.class, () -> incidentIn(MONITORING).reopen(NOW));
        Incident incident = incidentIn(INVESTIGATING);
        incident.moveTo(RESOLVED, NOW.plusSeconds(5));
        incident.cadenceFlaggedAt = NOW;
        incident.reopen(NOW.plusSeconds(60));
        assertEquals(INVESTIGATING, incident.status);
        assertNull(incident.resolvedAt);
        assertNull(incident.cadenceFlaggedAt);
        assertEquals(NOW.plusSeconds(60), incident.lastUpdateAt);
        assertEquals(NOW.plusSeconds(5), incident.identifiedAt, "key times already reached stay");
    }

    @Test
    void handingOverRelievesTheHolderAtTheSameInstant() {
        Incident incident = incidentIn(IDENTIFIED);
        RoleAssignment commander = held(CommandRole.INCIDENT_COMMANDER, "commander");
        Instant at = NOW.plusSeconds(90);
        Incident.Handover handover =
                incident.handOver(CommandRole.INCIDENT_COMMANDER, "admin", commander, "commander", at);
        assertSame(commander, handover.relieved());
        assertEquals(at, commander.relievedAt);
        RoleAssignment taken = handover.assignment();
        assertEquals("admin", taken.member);
        assertEquals(CommandRole.INCIDENT_COMMANDER, taken.role);
        assertEquals(at, taken.assumedAt);
        assertNull(taken.relievedAt);
        assertEquals("commander", taken.assignedBy);
        assertEquals(at, incident.updatedAt);
    }

    @Test
    void givingARoleToItsHolderChangesNothingAndANewRoleRelievesNobody() {
        Incident incident = incidentIn(INVESTIGATING);
        RoleAssignment lead = held(CommandRole.OPERATIONS_LEAD, "ops");
        assertNull(incident.handOver(CommandRole.OPERATIONS_LEAD, "ops", lead, "commander", NOW.plusSeconds(1)));
        assertNull(lead.relievedAt);
        assertEquals(NOW, incident.updatedAt);

        Incident.Handover first = incident.handOver(CommandRole.LIAISON, "comms", null, "commander", NOW);
        assertNull(first.relieved());
        assertEquals("comms", first.assignment().member);
    }

    @Test
    void aResolvedIncidentsRolesCannotChange() {
        Incident incident = incidentIn(RESOLVED);
        DomainException refused = assertThrows(
                DomainException.class, () -> incident.handOver(CommandRole.LIAISON, "comms", null, "commander", NOW));
        assertEquals("INC-2026-0001 is resolved; reopen it before changing its command roles.", refused.getMessage());
    }

    @Test
    void aRoleCanBeRelievedButNeverTheCommanders() {
        Incident incident = incidentIn(INVESTIGATING);
        RoleAssignment commander = held(CommandRole.INCIDENT_COMMANDER, "commander");
        DomainException always = assertThrows(
                DomainException.class,
                () -> incident.relieve(CommandRole.INCIDENT_COMMANDER, commander, NOW.plusSeconds(1)));
        assertTrue(always.getMessage().startsWith("An active incident always has exactly one commander"));
        assertNull(commander.relievedAt);

        ProblemException nobody = assertThrows(
                ProblemException.class, () -> incident.relieve(CommandRole.LIAISON, null, NOW.plusSeconds(1)));
        assertEquals(404, nobody.status());

        RoleAssignment liaison = held(CommandRole.LIAISON, "comms");
        incident.relieve(CommandRole.LIAISON, liaison, NOW.plusSeconds(2));
        assertEquals(NOW.plusSeconds(2), liaison.relievedAt);
        assertEquals(NOW.plusSeconds(2), incident.updatedAt);
    }

    @Test
    void aReopenedIncidentWithoutACommanderGetsTheOneWhoReopenedIt() {
        Incident incident = incidentIn(INVESTIGATING);
        RoleAssignment taken = incident.commandIfNobodyDoes(null, "admin", NOW);
        assertEquals("admin", taken.member);
        assertEquals(CommandRole.INCIDENT_COMMANDER, taken.role);
        assertNull(incident.commandIfNobodyDoes(held(CommandRole.INCIDENT_COMMANDER, "commander"), "admin", NOW));
    }

    @Test
    void anIncidentLinksOnceToAnotherAndNeverToItself() {
        Incident first = incident(1, "INC-2026-0001");
        Incident second = incident(2, "INC-2026-0002");
        DomainException self =
                assertThrows(DomainException.class, () -> first.linkTo(first, false, LinkKind.RELATED, "c", NOW));
        assertEquals("An incident cannot be linked to itself.", self.getMessage());
        DomainException twice =
                assertThrows(DomainException.class, () -> first.linkTo(second, true, LinkKind.RELATED, "c", NOW));
        assertEquals("INC-2026-0001 and INC-2026-0002 are already linked.", twice.getMessage());

        IncidentLink link = second.linkTo(first, false, LinkKind.RECURRENCE_OF, "commander", NOW.plusSeconds(3));
        assertEquals(new IncidentLink.Id(2L, 1L), link.id);
        assertEquals(LinkKind.RECURRENCE_OF, link.kind);
        assertEquals(NOW.plusSeconds(3), first.updatedAt);
        assertEquals(NOW.plusSeconds(3), second.updatedAt);
    }

    @Test
    void resolvingReturnsTheIncidentsOtherComponentsToOperationalUnlessHeldElsewhere() {
        Map<String, ComponentStatus> given = new LinkedHashMap<>();
        given.put("gov24", ComponentStatus.DEGRADED_PERFORMANCE);
        List<String> mine = List.of("gpki-auth", "saeol", "gov24");
        Set<String> heldByAnother = Set.of("saeol");

        Map<String, ComponentStatus> resolved =
                Incident.statusesOnUpdate(RESOLVED, given, mine, heldByAnother::contains);
        assertEquals(
                Map.of("gov24", ComponentStatus.DEGRADED_PERFORMANCE, "gpki-auth", ComponentStatus.OPERATIONAL),
                resolved);

        Map<String, ComponentStatus> monitoring =
                Incident.statusesOnUpdate(MONITORING, given, mine, heldByAnother::contains);
        assertEquals(given, monitoring, "only resolving restores components");
    }

    @Test
    void aLapsedUpdateCadenceIsFlaggedOncePerLapse() {
        Incident incident = incidentIn(INVESTIGATING);
        Duration allowed = Duration.ofMinutes(30);
        assertFalse(incident.isUpdateOverdue(allowed, NOW.plus(allowed)));
        assertFalse(incident.flagOverdue(allowed, NOW.plus(allowed)));
        Instant late = NOW.plus(allowed).plusSeconds(1);
        assertTrue(incident.isUpdateOverdue(allowed, late));
        assertTrue(incident.flagOverdue(allowed, late));
        assertEquals(late, incident.cadenceFlaggedAt);
        assertFalse(incident.flagOverdue(allowed, late.plusSeconds(60)), "once per lapse");

        Incident resolved = incidentIn(RESOLVED);
        assertFalse(resolved.isUpdateOverdue(allowed, late), "a resolved incident is never overdue");
    }
}
