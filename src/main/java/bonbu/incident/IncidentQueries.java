package bonbu.incident;

import bonbu.component.Catalog;
import bonbu.component.CatalogService;
import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.incident.terms.CommandRole;
import bonbu.incident.terms.DeclarationPreview;
import bonbu.incident.terms.IncidentConfig;
import bonbu.incident.terms.IncidentStatus;
import bonbu.incident.terms.Requests;
import bonbu.incident.terms.Severity;
import bonbu.shared.problem.DomainException;
import bonbu.shared.problem.ProblemException;
import bonbu.timeline.Timeline;
import bonbu.timeline.TimelineEvent;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The read side of incidents: one incident as staff see it, the list, the public stories, previews. */
@ApplicationScoped
public class IncidentQueries {

    @Inject
    CatalogService catalogService;

    @Inject
    Catalog catalog;

    @Inject
    Timeline timeline;

    @Inject
    Clock clock;

    @Inject
    IncidentConfig config;

    /** One incident as staff see it; 404 for an unknown number. */
    @Transactional
    public IncidentView get(String number) {
        Incident incident = Incident.findByNumber(number).orElseThrow(() -> unknown(number));
        return view(incident, catalog::affectedBy);
    }

    /** The incident list: {@code active}, {@code resolved} or {@code all}. */
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
                        i.holder(CommandRole.INCIDENT_COMMANDER)
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
                        keyTimes(i),
                        i.updatedAt,
                        List.copyOf(components.getOrDefault(i.id, List.of())),
                        List.copyOf(updates.getOrDefault(i.id, List.of()))))
                .toList();
    }

    /**
     * What declaring with these component statuses would affect, directly and through
     * dependencies, and the severity it would derive; nothing is changed or recorded.
     */
    public DeclarationPreview previewDeclaration(List<Requests.ComponentChange> components) {
        Map<String, ComponentStatus> statuses = Requests.statusesOf(components);
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

    /** A 409 for a write that lost a race: says what the winning change was. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ProblemException lostRace(String number) {
        Incident incident = Incident.findByNumber(number).orElseThrow(() -> unknown(number));
        return changedMeanwhile(incident, null);
    }

    /** A 409 that says what changed since the caller's version. */
    ProblemException changedMeanwhile(Incident incident, Long expectedVersion) {
        List<TimelineEvent> recent = timeline.ofIncident(incident.number, 1);
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

    static ProblemException unknown(String number) {
        return ProblemException.notFound(
                "There is no incident " + number + ". GET /api/incidents?state=all lists them.");
    }

    /** The incident as staff see it, with what it affects according to {@code affectedBy}. */
    IncidentView view(Incident incident, Function<Collection<String>, List<ComponentView>> affectedBy) {
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
        List<RoleAssignment> history = RoleAssignment.history(incident.id);
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
                .map(IncidentQueries::updateView)
                .toList();
        List<IncidentView.Link> links = IncidentLink.touching(incident).stream()
                .map(l -> {
                    boolean outgoing = l.id.fromId().equals(incident.id);
                    Incident other = Incident.findById(outgoing ? l.id.toId() : l.id.fromId());
                    return new IncidentView.Link(
                            other.number, other.title(), l.kind, outgoing ? "outgoing" : "incoming", other.status);
                })
                .toList();
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
                keyTimes(incident),
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

    private boolean overdue(Incident incident, Instant now) {
        return incident.isUpdateOverdue(config.updateCadence(incident.severity), now);
    }

    private static IncidentView.KeyTimes keyTimes(Incident i) {
        return new IncidentView.KeyTimes(i.detectedAt, i.declaredAt, i.identifiedAt, i.mitigatedAt, i.resolvedAt);
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

    private static Long seconds(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toSeconds();
    }
}
