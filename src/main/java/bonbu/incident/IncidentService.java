package bonbu.incident;

import bonbu.component.Catalog;
import bonbu.component.CatalogService;
import bonbu.component.ComponentStatus;
import bonbu.component.ComponentStatusesChanged;
import bonbu.component.ComponentView;
import bonbu.component.StatusChanges;
import bonbu.incident.terms.CommandRole;
import bonbu.incident.terms.IncidentConfig;
import bonbu.incident.terms.IncidentStatus;
import bonbu.incident.terms.Requests;
import bonbu.incident.terms.Severity;
import bonbu.security.Roles;
import bonbu.security.account.AccountService;
import bonbu.shared.YearlyNumbers;
import bonbu.shared.problem.DomainException;
import bonbu.shared.problem.ProblemException;
import bonbu.timeline.NewTimelineEntry;
import bonbu.timeline.Timeline;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Every change to incidents: declaration, updates, severity, command roles, links and cadence. */
@ApplicationScoped
public class IncidentService {

    @Inject
    CatalogService catalogService;

    @Inject
    Catalog catalog;

    @Inject
    AccountService accounts;

    @Inject
    Timeline timeline;

    @Inject
    Clock clock;

    @Inject
    IncidentConfig config;

    @Inject
    IncidentQueries queries;

    /**
     * Declares an incident: the component statuses, the incident, its first public update, its
     * severity and its commander (the declarer), in one transaction and one set of entries.
     */
    @Transactional
    public IncidentView declare(Requests.DeclareIncident request, String actor) {
        Map<String, ComponentStatus> statuses = Requests.statusesOf(request.components());
        catalogService.lockCatalog();
        Instant now = clock.instant();
        Incident incident = Incident.declare(request.title(), request.detectedAt(), actor, now);
        String number = YearlyNumbers.next("INC", now);
        incident.number = number;
        StatusChanges changes = catalogService.applyStatuses(statuses, "Declared in " + number, number);
        Severity derived = Severity.derive(changes.affectedBy(statuses.keySet()));
        boolean declared = request.severity() != null;
        incident.severity = declared ? request.severity() : derived;
        incident.persist();
        incident.affect(statuses.keySet(), now);
        IncidentUpdate first = incident.publish(IncidentStatus.INVESTIGATING, request.message(), statuses, actor, now);
        incident.changeSeverity(
                incident.severity,
                declared ? SeverityChange.How.DECLARED : SeverityChange.How.DERIVED,
                declared ? "Set at declaration (derived: " + derived + ")" : "Derived from the affected components",
                actor,
                now);
        RoleAssignment commander = store(incident.handOver(CommandRole.INCIDENT_COMMANDER, actor, null, actor, now));

        List<NewTimelineEntry> entries = new ArrayList<>(changes.entries());
        entries.add(NewTimelineEntry.publicly(
                number,
                new IncidentFact.IncidentDeclared(
                        number, incident.title(), incident.status, first.componentSets(), first.fact())));
        entries.add(NewTimelineEntry.staff(
                number, new IncidentFact.SeveritySet(incident.severity, derived, declared ? "DECLARED" : "DERIVED")));
        entries.add(
                NewTimelineEntry.staff(number, new IncidentFact.RoleAssigned(commander.role, commander.member, null)));
        entries.addAll(raiseWhereWorse(changes::affectedBy, Set.of(incident.id), actor, now));
        timeline.append(actor, entries);
        return queries.view(incident, changes::affectedBy);
    }

    /** Publishes a public update, moving the incident forward and setting component statuses. */
    @Transactional
    public IncidentView publishUpdate(
            String number, Requests.PublishUpdate request, Long expectedVersion, String actor) {
        // Loaded before the lock: if someone else changes it meanwhile, this write fails on its
        // version instead of silently applying on top.
        Incident incident = load(number, expectedVersion);
        catalogService.lockCatalog();
        Instant now = clock.instant();
        IncidentStatus previous = incident.moveTo(request.status(), now);
        Map<String, ComponentStatus> statuses = Incident.statusesOnUpdate(
                request.status(),
                Requests.statusesOf(request.components()),
                IncidentComponent.keysOf(incident),
                key -> IncidentComponent.heldByAnotherActive(key, incident));
        StatusChanges changes = catalogService.applyStatuses(statuses, "Update to " + number, number);
        incident.affect(statuses.keySet(), now);
        IncidentUpdate update = incident.publish(request.status(), request.message(), statuses, actor, now);

        List<NewTimelineEntry> entries = new ArrayList<>(changes.entries());
        entries.add(NewTimelineEntry.publicly(number, update.published(number, previous)));
        Set<Long> skip = incident.isActive() ? Set.of() : Set.of(incident.id);
        entries.addAll(raiseWhereWorse(changes::affectedBy, skip, actor, now));
        timeline.append(actor, entries);
        return queries.view(incident, changes::affectedBy);
    }

    /** Sets the severity by hand, with a reason; it may go up or down. */
    @Transactional
    public IncidentView overrideSeverity(
            String number, Requests.OverrideSeverity request, Long expectedVersion, String actor) {
        Incident incident = load(number, expectedVersion);
        Instant now = clock.instant();
        Severity previous = incident.severity;
        incident.changeSeverity(request.severity(), SeverityChange.How.OVERRIDDEN, request.reason(), actor, now);
        timeline.append(
                actor,
                List.of(NewTimelineEntry.staff(
                        number, new IncidentFact.SeverityOverridden(previous, request.severity(), request.reason()))));
        return queries.view(incident, catalog::affectedBy);
    }

    /** Reopens a resolved incident: it is investigated again, and the reason is recorded. */
    @Transactional
    public IncidentView reopen(String number, Requests.Reopen request, Long expectedVersion, String actor) {
        Incident incident = load(number, expectedVersion);
        Instant now = clock.instant();
        incident.reopen(now);
        List<NewTimelineEntry> entries = new ArrayList<>();
        entries.add(NewTimelineEntry.staff(number, new IncidentFact.Reopened(request.reason())));
        entries.add(NewTimelineEntry.publicly(
                number, new IncidentFact.StatusChanged(number, IncidentStatus.RESOLVED, incident.status)));
        RoleAssignment commander = incident.commandIfNobodyDoes(
                incident.holder(CommandRole.INCIDENT_COMMANDER).orElse(null), actor, now);
        if (commander != null) {
            commander.persist();
            entries.add(NewTimelineEntry.staff(
                    number, new IncidentFact.RoleAssigned(commander.role, commander.member, null)));
        }
        timeline.append(actor, entries);
        return queries.view(incident, catalog::affectedBy);
    }

    /** Gives a command role to a member; if someone holds it, that is a handover at one instant. */
    @Transactional
    public IncidentView assignRole(String number, CommandRole role, String member, Long expectedVersion, String actor) {
        Set<String> roles = accounts.rolesOf(member)
                .orElseThrow(() -> ProblemException.notFound(
                        "There is no staff account '" + member + "'. Give the role to an existing account."));
        if (roles.stream().allMatch(Roles.VIEWER::equals)) {
            throw new DomainException("'" + member + "' has only the viewer role, which is read-only; a command role"
                    + " needs an account that can act (responder, communicator, commander or admin).");
        }
        Incident incident = load(number, expectedVersion);
        Incident.Handover handover =
                incident.handOver(role, member, incident.holder(role).orElse(null), actor, clock.instant());
        if (handover != null) {
            store(handover);
            String previous = handover.relieved() == null ? null : handover.relieved().member;
            timeline.append(
                    actor,
                    List.of(NewTimelineEntry.staff(number, new IncidentFact.RoleAssigned(role, member, previous))));
        }
        return queries.view(incident, catalog::affectedBy);
    }

    /** Relieves the holder of a role other than the commander's (an incident always has one). */
    @Transactional
    public IncidentView relieveRole(String number, CommandRole role, Long expectedVersion, String actor) {
        Incident.refuseRelieving(number, role);
        Incident incident = load(number, expectedVersion);
        RoleAssignment relieved = incident.holder(role).orElse(null);
        incident.relieve(role, relieved, clock.instant());
        timeline.append(
                actor, List.of(NewTimelineEntry.staff(number, new IncidentFact.RoleRelieved(role, relieved.member))));
        return queries.view(incident, catalog::affectedBy);
    }

    /** Links this incident to another; the link shows on both. */
    @Transactional
    public IncidentView link(String number, Requests.LinkIncident request, Long expectedVersion, String actor) {
        Incident incident = load(number, expectedVersion);
        Incident other =
                Incident.findByNumber(request.number()).orElseThrow(() -> IncidentQueries.unknown(request.number()));
        incident.linkTo(other, IncidentLink.exists(incident, other), request.kind(), actor, clock.instant())
                .persist();
        IncidentFact.Linked linked = new IncidentFact.Linked(number, other.number, request.kind());
        timeline.append(
                actor, List.of(NewTimelineEntry.staff(number, linked), NewTimelineEntry.staff(other.number, linked)));
        return queries.view(incident, catalog::affectedBy);
    }

    /** Component statuses set outside any incident may make active incidents worse: raise them. */
    void onStatusesChanged(@Observes ComponentStatusesChanged event) {
        Instant now = clock.instant();
        raiseWhereWorse(event.changes()::affectedBy, Set.of(), Timeline.SYSTEM_ACTOR, now)
                .forEach(event::record);
    }

    /**
     * Flags active incidents whose last public update is older than their severity allows, once
     * per lapse. Returns how many were flagged.
     */
    @Transactional
    public int flagOverdueUpdates() {
        Instant now = clock.instant();
        List<NewTimelineEntry> entries = new ArrayList<>();
        for (Incident incident : Incident.active()) {
            Duration allowed = config.updateCadence(incident.severity);
            if (incident.flagOverdue(allowed, now)) {
                entries.add(NewTimelineEntry.staff(
                        incident.number,
                        new IncidentFact.UpdateOverdue(
                                incident.number,
                                incident.severity,
                                incident.lastUpdateAt,
                                Math.toIntExact(allowed.toMinutes()))));
            }
        }
        if (!entries.isEmpty()) {
            timeline.append(Timeline.SYSTEM_ACTOR, entries);
        }
        return entries.size();
    }

    /**
     * Raises the severity of active incidents whose affected components (direct and through
     * dependencies) now imply worse; never lowers it.
     */
    private List<NewTimelineEntry> raiseWhereWorse(
            Function<Collection<String>, List<ComponentView>> affectedBy, Set<Long> skip, String actor, Instant now) {
        List<NewTimelineEntry> entries = new ArrayList<>();
        for (Incident incident : Incident.active()) {
            if (skip.contains(incident.id)) continue;
            IncidentFact.SeverityRaised raised =
                    incident.raiseFor(affectedBy.apply(IncidentComponent.keysOf(incident)), actor, now);
            if (raised != null) entries.add(NewTimelineEntry.staff(incident.number, raised));
        }
        return entries;
    }

    private Incident load(String number, Long expectedVersion) {
        Incident incident = Incident.findByNumber(number).orElseThrow(() -> IncidentQueries.unknown(number));
        if (expectedVersion != null && expectedVersion != incident.version) {
            throw queries.changedMeanwhile(incident, expectedVersion);
        }
        return incident;
    }

    /** Stores a handover: the relief reaches the database before the new holder's row (one current holder). */
    private static RoleAssignment store(Incident.Handover handover) {
        if (handover.relieved() != null) Panache.getEntityManager().flush();
        handover.assignment().persist();
        return handover.assignment();
    }
}
