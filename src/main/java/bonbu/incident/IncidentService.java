package bonbu.incident;

import bonbu.component.Catalog;
import bonbu.component.CatalogService;
import bonbu.component.ComponentStatus;
import bonbu.component.ComponentStatusesChanged;
import bonbu.component.ComponentView;
import bonbu.component.StatusChanges;
import bonbu.security.Roles;
import bonbu.security.account.AccountService;
import bonbu.shared.LocalizedText;
import bonbu.shared.YearlyNumbers;
import bonbu.shared.problem.DomainException;
import bonbu.shared.problem.ProblemException;
import bonbu.timeline.Audience;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

    /**
     * Declares an incident: the component statuses, the incident, its first public update, its
     * severity and its commander (the declarer), in one transaction and one set of entries.
     */
    @Transactional
    public IncidentView declare(Requests.DeclareIncident request, String actor) {
        Map<String, ComponentStatus> statuses = statusesOf(request.components());
        catalogService.lockCatalog();
        Instant now = clock.instant();
        Instant detectedAt = request.detectedAt() == null ? now : request.detectedAt();
        if (detectedAt.isAfter(now)) {
            throw new ProblemException(
                    400,
                    "Invalid request",
                    "detectedAt (" + detectedAt + ") is in the future; give the time the problem was first noticed.",
                    Map.of("errors", List.of(Map.of("field", "detectedAt", "message", "must not be in the future"))));
        }
        String number = YearlyNumbers.next("INC", now);
        StatusChanges changes = catalogService.applyStatuses(statuses, "Declared in " + number, number);

        Incident incident = new Incident();
        incident.number = number;
        incident.titleKo = request.title().ko();
        incident.titleEn = request.title().en();
        incident.status = IncidentStatus.INVESTIGATING;
        incident.detectedAt = detectedAt;
        incident.declaredAt = now;
        incident.declaredBy = actor;
        incident.lastUpdateAt = now;
        incident.updatedAt = now;
        Severity derived = Severity.derive(changes.affectedBy(statuses.keySet()));
        incident.severity = request.severity() == null ? derived : request.severity();
        incident.persist();
        for (String key : statuses.keySet()) {
            addComponent(incident, key, now);
        }
        IncidentUpdate first =
                newUpdate(incident, IncidentStatus.INVESTIGATING, request.message(), request.components(), actor, now);
        SeverityChange.record(
                incident,
                incident.severity,
                request.severity() == null ? SeverityChange.How.DERIVED : SeverityChange.How.DECLARED,
                request.severity() == null
                        ? "Derived from the affected components"
                        : "Set at declaration (derived: " + derived + ")",
                actor,
                now);
        RoleAssignment commander = assign(incident, CommandRole.INCIDENT_COMMANDER, actor, actor, now);

        List<NewTimelineEntry> entries = new ArrayList<>(changes.entries());
        Map<String, Object> declared = new LinkedHashMap<>();
        declared.put("number", number);
        declared.put("title", incident.title());
        declared.put("status", incident.status);
        declared.put("components", componentData(request.components()));
        declared.put("update", updateData(first));
        entries.add(publicEntry("incident.declared", incident, declared));
        entries.add(staffEntry(
                "incident.severity_set",
                incident,
                Map.of("severity", incident.severity, "derived", derived, "how", howOf(request))));
        entries.add(staffEntry("incident.role_assigned", incident, roleData(commander, null)));
        entries.addAll(raiseWhereWorse(changes::affectedBy, Set.of(incident.id), actor, now));
        timeline.append(actor, entries);
        return view(incident, changes::affectedBy);
    }

    /**
     * What declaring with these component statuses would affect, directly and through
     * dependencies, and the severity it would derive; nothing is changed or recorded.
     */
    public DeclarationPreview previewDeclaration(List<Requests.ComponentChange> components) {
        Map<String, ComponentStatus> statuses = statusesOf(components);
        List<CatalogService.WhatIf> whatIf = catalogService.affectedIf(statuses);
        List<DeclarationPreview.Affected> affected = whatIf.stream()
                .map(w -> new DeclarationPreview.Affected(
                        w.then().key(),
                        w.then().name(),
                        w.then().tier(),
                        w.then().isPublic(),
                        statuses.containsKey(w.then().key()),
                        w.now(),
                        w.then().effectiveStatus(),
                        w.then().causes()))
                .toList();
        List<ComponentView> after =
                whatIf.stream().map(CatalogService.WhatIf::then).toList();
        return new DeclarationPreview(affected, Severity.derive(after));
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
        List<Requests.ComponentChange> given = request.components() == null ? List.of() : request.components();
        Map<String, ComponentStatus> statuses = statusesOf(given);
        Set<String> mine = new HashSet<>(IncidentComponent.keysOf(incident));
        if (request.status() == IncidentStatus.RESOLVED) {
            // Resolving returns the incident's components to operational, unless the update says
            // otherwise or another active incident still holds them.
            for (String key : mine) {
                if (!statuses.containsKey(key) && !IncidentComponent.heldByAnotherActive(key, incident)) {
                    statuses.put(key, ComponentStatus.OPERATIONAL);
                }
            }
        }
        StatusChanges changes = catalogService.applyStatuses(statuses, "Update to " + number, number);
        for (String key : statuses.keySet()) {
            if (mine.add(key)) addComponent(incident, key, now);
        }
        List<Requests.ComponentChange> applied = statuses.entrySet().stream()
                .map(e -> new Requests.ComponentChange(e.getKey(), e.getValue()))
                .toList();
        IncidentUpdate update = newUpdate(incident, request.status(), request.message(), applied, actor, now);
        incident.published(now);

        List<NewTimelineEntry> entries = new ArrayList<>(changes.entries());
        Map<String, Object> data = updateData(update);
        data.put("number", number);
        data.put("previousStatus", previous);
        entries.add(publicEntry("incident.update_published", incident, data));
        if (incident.isActive()) {
            entries.addAll(raiseWhereWorse(changes::affectedBy, Set.of(), actor, now));
        } else {
            entries.addAll(raiseWhereWorse(changes::affectedBy, Set.of(incident.id), actor, now));
        }
        timeline.append(actor, entries);
        return view(incident, changes::affectedBy);
    }

    /** Sets the severity by hand, with a reason; it may go up or down. */
    @Transactional
    public IncidentView overrideSeverity(
            String number, Requests.OverrideSeverity request, Long expectedVersion, String actor) {
        Incident incident = load(number, expectedVersion);
        Instant now = clock.instant();
        Severity previous = incident.severity;
        incident.changeSeverity(request.severity(), now);
        SeverityChange.record(
                incident, request.severity(), SeverityChange.How.OVERRIDDEN, request.reason(), actor, now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", previous);
        data.put("to", request.severity());
        data.put("reason", request.reason());
        timeline.append(actor, List.of(staffEntry("incident.severity_overridden", incident, data)));
        return view(incident, catalog::affectedBy);
    }

    /** Reopens a resolved incident: it is investigated again, and the reason is recorded. */
    @Transactional
    public IncidentView reopen(String number, Requests.Reopen request, Long expectedVersion, String actor) {
        Incident incident = load(number, expectedVersion);
        Instant now = clock.instant();
        incident.reopen(now);
        Map<String, Object> reason = new LinkedHashMap<>();
        reason.put("reason", request.reason());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("number", number);
        status.put("from", IncidentStatus.RESOLVED);
        status.put("to", incident.status);
        List<NewTimelineEntry> entries = new ArrayList<>();
        entries.add(staffEntry("incident.reopened", incident, reason));
        entries.add(publicEntry("incident.status_changed", incident, status));
        if (RoleAssignment.current(incident, CommandRole.INCIDENT_COMMANDER).isEmpty()) {
            entries.add(staffEntry(
                    "incident.role_assigned",
                    incident,
                    roleData(assign(incident, CommandRole.INCIDENT_COMMANDER, actor, actor, now), null)));
        }
        timeline.append(actor, entries);
        return view(incident, catalog::affectedBy);
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
        if (!incident.isActive()) {
            throw new DomainException(number + " is resolved; reopen it before changing its command roles.");
        }
        Instant now = clock.instant();
        var current = RoleAssignment.current(incident, role);
        if (current.isPresent() && current.get().member.equals(member)) {
            return view(incident, catalog::affectedBy);
        }
        String previous = current.map(r -> r.member).orElse(null);
        current.ifPresent(r -> {
            r.relievedAt = now;
            // The relief must reach the database before the new holder's row (one current holder).
            Panache.getEntityManager().flush();
        });
        RoleAssignment assigned = assign(incident, role, member, actor, now);
        incident.touched(now);
        timeline.append(actor, List.of(staffEntry("incident.role_assigned", incident, roleData(assigned, previous))));
        return view(incident, catalog::affectedBy);
    }

    /** Relieves the holder of a role other than the commander's (an incident always has one). */
    @Transactional
    public IncidentView relieveRole(String number, CommandRole role, Long expectedVersion, String actor) {
        if (role == CommandRole.INCIDENT_COMMANDER) {
            throw new DomainException("An active incident always has exactly one commander: hand command over with"
                    + " PUT /api/incidents/" + number + "/roles/INCIDENT_COMMANDER instead.");
        }
        Incident incident = load(number, expectedVersion);
        RoleAssignment current = RoleAssignment.current(incident, role)
                .orElseThrow(() -> ProblemException.notFound("Nobody holds " + role + " on " + number + "."));
        Instant now = clock.instant();
        current.relievedAt = now;
        incident.touched(now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("role", role);
        data.put("member", current.member);
        timeline.append(actor, List.of(staffEntry("incident.role_relieved", incident, data)));
        return view(incident, catalog::affectedBy);
    }

    /** Links this incident to another; the link shows on both. */
    @Transactional
    public IncidentView link(String number, Requests.LinkIncident request, Long expectedVersion, String actor) {
        Incident incident = load(number, expectedVersion);
        Incident other = Incident.findByNumber(request.number()).orElseThrow(() -> unknown(request.number()));
        if (other.id.equals(incident.id)) {
            throw new DomainException("An incident cannot be linked to itself.");
        }
        if (IncidentLink.exists(incident, other)) {
            throw new DomainException(number + " and " + other.number + " are already linked.");
        }
        Instant now = clock.instant();
        IncidentLink link = new IncidentLink();
        link.id = new IncidentLink.Id(incident.id, other.id);
        link.kind = request.kind();
        link.createdBy = actor;
        link.createdAt = now;
        link.persist();
        incident.touched(now);
        other.touched(now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", number);
        data.put("to", other.number);
        data.put("kind", request.kind());
        timeline.append(
                actor,
                List.of(staffEntry("incident.linked", incident, data), staffEntry("incident.linked", other, data)));
        return view(incident, catalog::affectedBy);
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
            boolean lapsed = incident.lastUpdateAt.plus(allowed).isBefore(now);
            if (lapsed && incident.cadenceFlaggedAt == null) {
                incident.cadenceFlaggedAt = now;
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("number", incident.number);
                data.put("severity", incident.severity);
                data.put("lastUpdateAt", incident.lastUpdateAt.toString());
                data.put("allowedMinutes", allowed.toMinutes());
                entries.add(staffEntry("incident.update_overdue", incident, data));
            }
        }
        if (!entries.isEmpty()) {
            timeline.append(Timeline.SYSTEM_ACTOR, entries);
        }
        return entries.size();
    }

    @Transactional
    public IncidentView get(String number) {
        Incident incident = Incident.findByNumber(number).orElseThrow(() -> unknown(number));
        return view(incident, catalog::affectedBy);
    }

    @Transactional
    public List<IncidentView.Summary> list(String state) {
        List<Incident> incidents = switch (state) {
            case "active" -> Incident.active();
            case "resolved" -> Incident.list("status = ?1 order by declaredAt desc", IncidentStatus.RESOLVED);
            case "all" -> Incident.list("order by declaredAt desc");
            default -> throw ProblemException.notOneOf("state", state, List.of("active", "resolved", "all"));
        };
        Instant now = clock.instant();
        return incidents.stream()
                .map(i -> new IncidentView.Summary(
                        i.number,
                        i.title(),
                        i.status,
                        i.severity,
                        RoleAssignment.current(i, CommandRole.INCIDENT_COMMANDER)
                                .map(r -> r.member)
                                .orElse(null),
                        i.declaredAt,
                        i.resolvedAt,
                        i.lastUpdateAt,
                        overdue(i, now),
                        IncidentComponent.keysOf(i)))
                .toList();
    }

    /**
     * Every incident's public story, newest declared first, in three queries whatever the number
     * of incidents (the public status page reloads them all on each public change).
     */
    @Transactional
    public List<IncidentStory> stories() {
        List<Incident> incidents = Incident.list("order by declaredAt desc, id desc");
        Map<Long, List<IncidentView.Update>> updates = new HashMap<>();
        for (IncidentUpdate u : IncidentUpdate.<IncidentUpdate>list("order by publishedAt desc, id desc")) {
            updates.computeIfAbsent(u.incidentId, k -> new ArrayList<>()).add(updateView(u));
        }
        Map<Long, List<String>> components = new HashMap<>();
        for (IncidentComponent c : IncidentComponent.<IncidentComponent>list("order by addedAt, id.componentKey")) {
            components
                    .computeIfAbsent(c.id.incidentId(), k -> new ArrayList<>())
                    .add(c.id.componentKey());
        }
        return incidents.stream()
                .map(i -> new IncidentStory(
                        i.number,
                        i.title(),
                        i.status,
                        i.severity,
                        new IncidentView.KeyTimes(
                                i.detectedAt, i.declaredAt, i.identifiedAt, i.mitigatedAt, i.resolvedAt),
                        i.updatedAt,
                        List.copyOf(components.getOrDefault(i.id, List.of())),
                        List.copyOf(updates.getOrDefault(i.id, List.of()))))
                .toList();
    }

    // --- rules shared by the acts above ---

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
                incident.changeSeverity(derived, now);
                String because = affected.stream()
                        .filter(c -> Severity.of(c.tier(), c.effectiveStatus()) == derived)
                        .map(ComponentView::key)
                        .collect(Collectors.joining(", "));
                SeverityChange.record(
                        incident,
                        derived,
                        SeverityChange.How.RAISED,
                        "Affected components now imply " + derived + " (" + because + ")",
                        actor,
                        now);
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("from", previous);
                data.put("to", derived);
                data.put("because", because);
                entries.add(staffEntry("incident.severity_raised", incident, data));
            }
        }
        return entries;
    }

    private Incident load(String number, Long expectedVersion) {
        Incident incident = Incident.findByNumber(number).orElseThrow(() -> unknown(number));
        if (expectedVersion != null && expectedVersion != incident.version) {
            throw changedMeanwhile(incident, expectedVersion);
        }
        return incident;
    }

    /** A 409 for a write that lost a race: says what the winning change was. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ProblemException lostRace(String number) {
        Incident incident = Incident.findByNumber(number).orElseThrow(() -> unknown(number));
        return changedMeanwhile(incident, null);
    }

    /** A 409 that says what changed since the caller's version. */
    ProblemException changedMeanwhile(Incident incident, Long expectedVersion) {
        List<bonbu.timeline.TimelineEvent> recent = timeline.ofIncident(incident.number, 1);
        String what = recent.isEmpty()
                ? "it was changed"
                : "the last change was " + recent.get(0).type() + " by "
                        + recent.get(0).actor() + " at " + recent.get(0).at();
        String versions = expectedVersion == null
                ? "it is now version " + incident.version
                : "you had version " + expectedVersion + ", it is now " + incident.version;
        return new DomainException(
                incident.number + " changed while you were editing it (" + versions + "): " + what
                        + ". Nothing of yours was saved; reload it and try again.",
                Map.of("currentVersion", incident.version));
    }

    private static Map<String, ComponentStatus> statusesOf(List<Requests.ComponentChange> changes) {
        Map<String, ComponentStatus> statuses = new LinkedHashMap<>();
        if (changes == null) return statuses;
        for (Requests.ComponentChange change : changes) {
            if (statuses.put(change.key(), change.status()) != null) {
                throw ProblemException.badRequest(
                        "Component '" + change.key() + "' is listed twice; give each component once.");
            }
        }
        return statuses;
    }

    private static void addComponent(Incident incident, String key, Instant at) {
        IncidentComponent c = new IncidentComponent();
        c.id = new IncidentComponent.Id(incident.id, key);
        c.addedAt = at;
        c.persist();
    }

    private static IncidentUpdate newUpdate(
            Incident incident,
            IncidentStatus status,
            LocalizedText message,
            List<Requests.ComponentChange> components,
            String author,
            Instant at) {
        IncidentUpdate update = new IncidentUpdate();
        update.incidentId = incident.id;
        update.status = status;
        update.bodyKo = message.ko();
        update.bodyEn = message.en();
        update.components = componentData(components);
        update.author = author;
        update.publishedAt = at;
        update.persist();
        return update;
    }

    private static RoleAssignment assign(Incident incident, CommandRole role, String member, String by, Instant at) {
        RoleAssignment r = new RoleAssignment();
        r.incidentId = incident.id;
        r.role = role;
        r.member = member;
        r.assignedBy = by;
        r.assumedAt = at;
        r.persist();
        return r;
    }

    private static List<Map<String, String>> componentData(List<Requests.ComponentChange> changes) {
        if (changes == null) return List.of();
        return changes.stream()
                .map(c -> Map.of("key", c.key(), "status", c.status().value()))
                .toList();
    }

    private static IncidentView.Update updateView(IncidentUpdate u) {
        return new IncidentView.Update(
                u.id,
                u.status,
                u.body(),
                u.components.stream()
                        .map(m -> new Requests.ComponentChange(
                                m.get("key"), ComponentStatus.parse("status", m.get("status"))))
                        .toList(),
                u.author,
                u.publishedAt);
    }

    private static Map<String, Object> updateData(IncidentUpdate update) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", update.id);
        data.put("status", update.status);
        data.put("message", update.body());
        data.put("components", update.components);
        data.put("publishedAt", update.publishedAt.toString());
        return data;
    }

    private static Map<String, Object> roleData(RoleAssignment r, String previous) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("role", r.role);
        data.put("member", r.member);
        data.put("previous", previous);
        return data;
    }

    private static String howOf(Requests.DeclareIncident request) {
        return request.severity() == null ? "DERIVED" : "DECLARED";
    }

    private static NewTimelineEntry publicEntry(String type, Incident incident, Map<String, Object> data) {
        return new NewTimelineEntry(type, Audience.PUBLIC, incident.number, data);
    }

    private static NewTimelineEntry staffEntry(String type, Incident incident, Map<String, Object> data) {
        return new NewTimelineEntry(type, Audience.STAFF, incident.number, data);
    }

    static ProblemException unknown(String number) {
        return ProblemException.notFound(
                "There is no incident " + number + ". GET /api/incidents?state=all lists them.");
    }

    private boolean overdue(Incident incident, Instant now) {
        return incident.isActive()
                && incident.lastUpdateAt
                        .plus(config.updateCadence(incident.severity))
                        .isBefore(now);
    }

    private IncidentView view(Incident incident, Function<Collection<String>, List<ComponentView>> affectedBy) {
        List<String> direct = IncidentComponent.keysOf(incident);
        Set<String> directSet = new HashSet<>(direct);
        List<IncidentView.Affected> components = affectedBy.apply(direct).stream()
                .map(c -> new IncidentView.Affected(
                        c.key(),
                        c.name(),
                        c.tier(),
                        directSet.contains(c.key()),
                        c.status(),
                        c.effectiveStatus(),
                        c.causes()))
                .toList();
        List<RoleAssignment> history = RoleAssignment.history(incident);
        List<IncidentView.Role> roleHistory = history.stream()
                .map(r -> new IncidentView.Role(r.role, r.member, r.assignedBy, r.assumedAt, r.relievedAt))
                .toList();
        List<IncidentView.Role> roles =
                roleHistory.stream().filter(r -> r.relievedAt() == null).toList();
        String commander = roles.stream()
                .filter(r -> r.role() == CommandRole.INCIDENT_COMMANDER)
                .map(IncidentView.Role::member)
                .findFirst()
                .orElse(null);
        List<IncidentView.SeverityStep> severityHistory = SeverityChange.of(incident).stream()
                .map(s -> new IncidentView.SeverityStep(s.severity, s.how.name(), s.reason, s.actor, s.at))
                .toList();
        List<IncidentView.Update> updates = IncidentUpdate.of(incident).stream()
                .map(IncidentService::updateView)
                .toList();
        List<IncidentView.Link> links = IncidentLink.touching(incident).stream()
                .map(l -> {
                    boolean outgoing = l.id.fromId().equals(incident.id);
                    Incident other = Incident.findById(outgoing ? l.id.toId() : l.id.fromId());
                    return new IncidentView.Link(
                            other.number, other.title(), l.kind, outgoing ? "outgoing" : "incoming", other.status);
                })
                .toList();
        IncidentView.KeyTimes times = new IncidentView.KeyTimes(
                incident.detectedAt,
                incident.declaredAt,
                incident.identifiedAt,
                incident.mitigatedAt,
                incident.resolvedAt);
        IncidentView.Durations durations = new IncidentView.Durations(
                seconds(incident.detectedAt, incident.declaredAt),
                seconds(incident.detectedAt, incident.mitigatedAt),
                seconds(incident.detectedAt, incident.resolvedAt));
        // The version after this transaction's own change is flushed.
        Panache.getEntityManager().flush();
        return new IncidentView(
                incident.number,
                incident.title(),
                incident.status,
                incident.severity,
                severityHistory,
                times,
                durations,
                commander,
                roles,
                roleHistory,
                components,
                updates,
                links,
                incident.lastUpdateAt,
                overdue(incident, clock.instant()),
                incident.version);
    }

    private static Long seconds(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toSeconds();
    }
}
