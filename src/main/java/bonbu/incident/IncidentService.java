package bonbu.incident;

import bonbu.component.Catalog;
import bonbu.component.CatalogService;
import bonbu.component.ComponentStatus;
import bonbu.component.ComponentStatusesChanged;
import bonbu.component.ComponentView;
import bonbu.component.StatusChanges;
import bonbu.incident.IncidentFact.ComponentSet;
import bonbu.incident.api.Requests;
import bonbu.incident.cadence.IncidentConfig;
import bonbu.incident.command.CommandRole;
import bonbu.incident.command.RoleAssignment;
import bonbu.security.AccountService;
import bonbu.security.Roles;
import bonbu.shared.YearlyNumbers;
import bonbu.shared.problem.DomainException;
import bonbu.shared.problem.ProblemException;
import bonbu.timeline.NewTimelineEntry;
import bonbu.timeline.Timeline;
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
import java.util.stream.Collectors;

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
        IncidentUpdate first = incident.publish(
                IncidentStatus.INVESTIGATING, request.message(), stored(request.components()), actor, now);
        SeverityChange.record(
                incident,
                incident.severity,
                declared ? SeverityChange.How.DECLARED : SeverityChange.How.DERIVED,
                declared ? "Set at declaration (derived: " + derived + ")" : "Derived from the affected components",
                actor,
                now);
        RoleAssignment commander = incident.handOver(CommandRole.INCIDENT_COMMANDER, actor, actor, now)
                .assignment();

        List<NewTimelineEntry> entries = new ArrayList<>(changes.entries());
        entries.add(NewTimelineEntry.publicly(
                number,
                new IncidentFact.IncidentDeclared(
                        number,
                        incident.title(),
                        incident.status,
                        facts(first.components),
                        new IncidentFact.Update(
                                Math.toIntExact(first.id),
                                first.status,
                                first.body(),
                                facts(first.components),
                                first.publishedAt))));
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
        Map<String, ComponentStatus> statuses =
                incident.statusesOnUpdate(request.status(), Requests.statusesOf(request.components()));
        StatusChanges changes = catalogService.applyStatuses(statuses, "Update to " + number, number);
        incident.affect(statuses.keySet(), now);
        List<Requests.ComponentChange> applied = statuses.entrySet().stream()
                .map(e -> new Requests.ComponentChange(e.getKey(), e.getValue()))
                .toList();
        IncidentUpdate update = incident.publish(request.status(), request.message(), stored(applied), actor, now);

        List<NewTimelineEntry> entries = new ArrayList<>(changes.entries());
        entries.add(NewTimelineEntry.publicly(
                number,
                new IncidentFact.UpdatePublished(
                        Math.toIntExact(update.id),
                        update.status,
                        update.body(),
                        facts(update.components),
                        update.publishedAt,
                        number,
                        previous)));
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
        RoleAssignment commander = incident.commandIfNobodyDoes(actor, now);
        if (commander != null) {
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
        Incident.Handover handover = incident.handOver(role, member, actor, clock.instant());
        if (handover != null) {
            timeline.append(
                    actor,
                    List.of(NewTimelineEntry.staff(
                            number, new IncidentFact.RoleAssigned(role, member, handover.previous()))));
        }
        return queries.view(incident, catalog::affectedBy);
    }

    /** Relieves the holder of a role other than the commander's (an incident always has one). */
    @Transactional
    public IncidentView relieveRole(String number, CommandRole role, Long expectedVersion, String actor) {
        Incident.refuseRelieving(number, role);
        Incident incident = load(number, expectedVersion);
        RoleAssignment relieved = incident.relieve(role, clock.instant());
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
        incident.linkTo(other, request.kind(), actor, clock.instant());
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
            List<ComponentView> affected = affectedBy.apply(IncidentComponent.keysOf(incident));
            Severity derived = Severity.derive(affected);
            if (derived.isWorseThan(incident.severity)) {
                Severity previous = incident.severity;
                String because = affected.stream()
                        .filter(c -> Severity.of(c.tier(), c.effectiveStatus()) == derived)
                        .map(ComponentView::key)
                        .collect(Collectors.joining(", "));
                incident.changeSeverity(
                        derived,
                        SeverityChange.How.RAISED,
                        "Affected components now imply " + derived + " (" + because + ")",
                        actor,
                        now);
                entries.add(NewTimelineEntry.staff(
                        incident.number, new IncidentFact.SeverityRaised(previous, derived, because)));
            }
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

    /** The component statuses as the update row stores them: [{key, status}]. */
    private static List<Map<String, String>> stored(List<Requests.ComponentChange> changes) {
        if (changes == null) return List.of();
        return changes.stream()
                .map(c -> Map.of("key", c.key(), "status", c.status().value()))
                .toList();
    }

    private static List<ComponentSet> facts(List<Map<String, String>> stored) {
        return stored.stream()
                .map(m -> new ComponentSet(m.get("key"), ComponentStatus.parse("status", m.get("status"))))
                .toList();
    }
}
