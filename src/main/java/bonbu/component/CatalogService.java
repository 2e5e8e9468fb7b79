package bonbu.component;

import bonbu.component.ComponentFact.CatalogImpact;
import bonbu.component.ComponentFact.Changes;
import bonbu.component.ComponentFact.ComponentCreated;
import bonbu.component.ComponentFact.ComponentStatusChanged;
import bonbu.component.ComponentFact.ComponentUpdated;
import bonbu.component.ComponentFact.DependencyAdded;
import bonbu.component.ComponentFact.DependencyChanged;
import bonbu.component.ComponentFact.DependencyRemoved;
import bonbu.component.ComponentFact.EffectiveStatusChanged;
import bonbu.component.ComponentFact.ImpactGroup;
import bonbu.component.graph.CatalogGraph;
import bonbu.component.graph.CatalogSnapshot;
import bonbu.shared.LocalizedText;
import bonbu.shared.problem.DomainException;
import bonbu.shared.problem.ProblemException;
import bonbu.timeline.NewTimelineEntry;
import bonbu.timeline.Timeline;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Every change to the catalog: components, their dependencies and their own statuses. Catalog
 * changes are serialised by one transaction-scoped advisory lock, so cycle checks and effective
 * status changes are always computed against what is committed.
 */
@ApplicationScoped
public class CatalogService {

    private static final long CATALOG_LOCK = 0x626f6e6275L; // "bonbu"

    /** What a status change did: the component afterwards and every effective status it moved. */
    public record StatusChange(ComponentView component, List<ImpactView.Affected> changes) {}

    @Inject
    Catalog catalog;

    @Inject
    Timeline timeline;

    @Inject
    Clock clock;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Event<ComponentStatusesChanged> statusesChanged;

    @Transactional
    public ComponentView create(CreateComponentRequest request, String actor) {
        CatalogSnapshot before = lockAndRead();
        if (before.indexOf(request.key()).isPresent()) {
            throw new DomainException("A component with key '" + request.key() + "' already exists. Choose another key"
                    + " or change the existing one with PATCH /api/components/" + request.key() + ".");
        }
        List<Alternative> alternatives = request.alternatives() == null ? List.of() : request.alternatives();
        checkAlternatives(before, alternatives);
        Instant now = clock.instant();
        Component c = new Component();
        c.key = request.key();
        c.rename(request.name());
        c.regroup(request.group());
        c.kind = request.kind();
        c.tier = request.tier();
        c.isPublic = request.isPublic();
        c.describe(request.description());
        c.alternatives = new ArrayList<>(alternatives);
        c.status = request.status() == null ? ComponentStatus.OPERATIONAL : request.status();
        c.statusChangedAt = now;
        c.createdAt = now;
        c.updatedAt = now;
        c.persist();
        Revision revision = bumpRevision();
        var created = new ComponentCreated(c.key, c.name(), c.group(), c.kind, c.tier, c.isPublic, c.status);
        timeline.append(actor, List.of(entry(c.isPublic, created)));
        CatalogSnapshot after = before.withComponent(c.record(), revision.number());
        publish(after, revision);
        return after.view(after.indexOf(c.key).orElseThrow());
    }

    @Transactional
    public ComponentView edit(String key, EditComponentRequest request, String actor) {
        if (request.key() != null && !request.key().equals(key)) {
            throw ProblemException.badRequest(
                    "A component's key cannot change. Create a new component with the new key instead.");
        }
        if (request.status() != null) {
            throw ProblemException.badRequest(
                    "The status changes only through POST /api/components/" + key + "/status, with a reason.");
        }
        CatalogSnapshot before = lockAndRead();
        Component c = Component.findByKey(key).orElseThrow(() -> Catalog.unknown(key));
        boolean wasPublic = c.isPublic;
        if (request.alternatives() != null && !request.alternatives().equals(c.alternatives)) {
            checkAlternatives(before, request.alternatives());
        }
        Changes changes = c.edit(request);
        if (changes.isEmpty()) {
            return before.view(before.indexOf(key).orElseThrow());
        }
        c.updatedAt = clock.instant();
        Revision revision = bumpRevision();
        timeline.append(actor, List.of(entry(wasPublic || c.isPublic, new ComponentUpdated(key, changes))));
        int node = before.indexOf(key).orElseThrow();
        CatalogSnapshot after = before.withRecord(node, c.record(), revision.number());
        publish(after, revision);
        return after.view(node);
    }

    /** Makes {@code downstreamKey} depend on {@code upstreamKey}; answers whether it was new. */
    @Transactional
    public boolean setDependency(String downstreamKey, String upstreamKey, DependencyKind kind, String actor) {
        CatalogSnapshot before = lockAndRead();
        Component downstream = Component.findByKey(downstreamKey).orElseThrow(() -> Catalog.unknown(downstreamKey));
        Component upstream = Component.findByKey(upstreamKey).orElseThrow(() -> Catalog.unknown(upstreamKey));
        var existing = ComponentDependency.between(downstream, upstream);
        if (existing.isPresent() && existing.get().kind == kind) {
            return false;
        }
        before.graph().cycleIfAdded(downstreamKey, upstreamKey).ifPresent(cycle -> {
            throw new DomainException(
                    "'" + downstreamKey + "' cannot depend on '" + upstreamKey + "': that would make a cycle "
                            + String.join(" → ", cycle) + " (each arrow reads \"depends on\"). Remove one of those"
                            + " dependencies first.",
                    Map.of("cycle", cycle));
        });
        ComponentFact fact;
        List<CatalogGraph.Edge> edges = new ArrayList<>(before.graph().edges());
        edges.removeIf(e -> e.downstream().equals(downstreamKey) && e.upstream().equals(upstreamKey));
        edges.add(new CatalogGraph.Edge(downstreamKey, upstreamKey, kind));
        if (existing.isPresent()) {
            fact = new DependencyChanged(downstreamKey, upstreamKey, kind, existing.get().kind);
            existing.get().kind = kind;
        } else {
            ComponentDependency d = new ComponentDependency();
            d.id = new ComponentDependency.Id(downstream.id, upstream.id);
            d.kind = kind;
            d.createdAt = clock.instant();
            d.persist();
            fact = new DependencyAdded(downstreamKey, upstreamKey, kind);
        }
        recordStructuralChange(before, edges, fact, actor);
        return existing.isEmpty();
    }

    @Transactional
    public void removeDependency(String downstreamKey, String upstreamKey, String actor) {
        CatalogSnapshot before = lockAndRead();
        Component downstream = Component.findByKey(downstreamKey).orElseThrow(() -> Catalog.unknown(downstreamKey));
        Component upstream = Component.findByKey(upstreamKey).orElseThrow(() -> Catalog.unknown(upstreamKey));
        ComponentDependency d = ComponentDependency.between(downstream, upstream)
                .orElseThrow(() -> ProblemException.notFound("'" + downstreamKey + "' does not depend on '"
                        + upstreamKey + "'. GET /api/components/" + downstreamKey + " lists its upstreams."));
        var removed = new DependencyRemoved(downstreamKey, upstreamKey, d.kind);
        d.delete();
        List<CatalogGraph.Edge> edges = new ArrayList<>(before.graph().edges());
        edges.removeIf(e -> e.downstream().equals(downstreamKey) && e.upstream().equals(upstreamKey));
        recordStructuralChange(before, edges, removed, actor);
    }

    /** Sets a component's own status and records every effective status that moved because of it. */
    @Transactional
    public StatusChange changeStatus(String key, ComponentStatus status, String reason, String actor) {
        StatusChanges result = applyStatuses(new LinkedHashMap<>(Map.of(key, status)), reason, null);
        List<NewTimelineEntry> entries = new ArrayList<>(result.entries());
        if (!result.entries().isEmpty()) {
            // Other features (incidents) react in this same transaction and add their own facts.
            ComponentStatusesChanged event = new ComponentStatusesChanged(result);
            statusesChanged.fire(event);
            entries.addAll(event.recorded());
            timeline.append(actor, entries);
        }
        return new StatusChange(result.view(key), result.changes());
    }

    /**
     * Sets several components' own statuses in the caller's transaction and works out every
     * effective status that moved. Nothing is appended: the caller appends the returned entries
     * together with its own, as the last step of its change.
     *
     * @param incident the incident number the change is made for, or null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public StatusChanges applyStatuses(Map<String, ComponentStatus> statuses, String reason, String incident) {
        CatalogSnapshot before = lockAndRead();
        CatalogSnapshot after = before;
        Instant now = clock.instant();
        List<NewTimelineEntry> entries = new ArrayList<>();
        for (Map.Entry<String, ComponentStatus> change : statuses.entrySet()) {
            String key = change.getKey();
            int node = before.indexOf(key).orElseThrow(() -> Catalog.unknown(key));
            Component c = Component.findByKey(key).orElseThrow(() -> Catalog.unknown(key));
            ComponentStatus previous = c.status;
            if (!c.changeStatus(change.getValue(), now)) {
                continue;
            }
            after = after.withStatus(node, change.getValue(), now, after.revision());
            entries.add(NewTimelineEntry.staff(
                    incident,
                    new ComponentStatusChanged(key, c.name(), previous, change.getValue(), reason, incident)));
        }
        if (entries.isEmpty()) {
            return new StatusChanges(before, List.of(), List.of());
        }
        Revision revision = bumpRevision();
        CatalogSnapshot committed = after.withRevision(revision.number());
        List<ImpactView.Affected> changes = before.changesTo(committed.effective());
        entries.addAll(impactEntries(changes, incident));
        publish(committed, revision);
        return new StatusChanges(committed, changes, entries);
    }

    /** The blast radius of {@code key} going to {@code status}, computed without changing anything. */
    public ImpactView impact(String key, ComponentStatus status) {
        CatalogSnapshot s = catalog.snapshot();
        int node = s.indexOf(key).orElseThrow(() -> Catalog.unknown(key));
        return new ImpactView(key, status, s.changesTo(s.whatIf(node, status)));
    }

    /** A component as it is now and as it would be after a change that has not been made. */
    public record WhatIf(ComponentStatus now, ComponentView then) {}

    /**
     * The components that several own statuses at once would affect (the given ones and every one
     * whose cause chain leads to them), as they are and as they would then be; computed without
     * changing anything.
     */
    public List<WhatIf> affectedIf(Map<String, ComponentStatus> statuses) {
        CatalogSnapshot current = catalog.snapshot();
        CatalogSnapshot after = current;
        for (Map.Entry<String, ComponentStatus> change : statuses.entrySet()) {
            int node = after.indexOf(change.getKey()).orElseThrow(() -> Catalog.unknown(change.getKey()));
            after = after.withStatus(node, change.getValue(), clock.instant(), after.revision());
        }
        return after.affectedBy(statuses.keySet()).stream()
                .map(v -> new WhatIf(
                        current.effectiveStatus(current.indexOf(v.key()).orElseThrow()), v))
                .toList();
    }

    private void recordStructuralChange(
            CatalogSnapshot before, List<CatalogGraph.Edge> edges, ComponentFact fact, String actor) {
        Revision revision = bumpRevision();
        CatalogSnapshot after = before.withEdges(edges, revision.number());
        List<ImpactView.Affected> changes = before.changesTo(after.effective());
        List<NewTimelineEntry> entries = new ArrayList<>();
        entries.add(NewTimelineEntry.staff(fact));
        entries.addAll(impactEntries(changes, null));
        timeline.append(actor, entries);
        publish(after, revision);
    }

    /**
     * The facts of effective statuses moving: all of them for staff ({@code catalog.impact}), and
     * the public components' for everyone ({@code component.effective_status_changed}), with the
     * names of what caused them. Grouped, since one shared failure moves thousands at once.
     */
    private static List<NewTimelineEntry> impactEntries(List<ImpactView.Affected> changes, String incident) {
        if (changes.isEmpty()) {
            return List.of();
        }
        List<NewTimelineEntry> entries = new ArrayList<>(2);
        entries.add(NewTimelineEntry.staff(incident, new CatalogImpact(ImpactGroup.of(changes), causeNames(changes))));
        List<ImpactView.Affected> visible =
                changes.stream().filter(ImpactView.Affected::isPublic).toList();
        if (!visible.isEmpty()) {
            entries.add(NewTimelineEntry.publicly(
                    incident, new EffectiveStatusChanged(ImpactGroup.of(visible), causeNames(visible))));
        }
        return entries;
    }

    private static SortedMap<String, LocalizedText> causeNames(List<ImpactView.Affected> changes) {
        SortedMap<String, LocalizedText> names = new TreeMap<>();
        for (ImpactView.Affected a : changes) {
            for (ComponentView.Cause c : a.causes()) names.putIfAbsent(c.key(), c.name());
        }
        return names;
    }

    private void checkAlternatives(CatalogSnapshot catalog, List<Alternative> alternatives) {
        for (Alternative a : alternatives) {
            if (a.component() != null && catalog.indexOf(a.component()).isEmpty()) {
                throw ProblemException.badRequest("Alternative '" + a.name().ko() + "' names component '"
                        + a.component() + "', which is not in the catalog.");
            }
        }
    }

    /**
     * Takes the catalog lock in the caller's transaction. Writers that change other rows and then
     * component statuses take it first, so that locks are always taken in the same order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockCatalog() {
        Panache.getEntityManager()
                .createNativeQuery("SELECT pg_advisory_xact_lock(" + CATALOG_LOCK + ")")
                .getSingleResult();
    }

    private CatalogSnapshot lockAndRead() {
        lockCatalog();
        return catalog.snapshot();
    }

    /** A catalog revision and the write that made it. */
    private record Revision(long number, UUID writer) {}

    private static Revision bumpRevision() {
        UUID writer = UUID.randomUUID();
        Object value = Panache.getEntityManager()
                .createNativeQuery("UPDATE catalog_revision SET revision = revision + 1, writer = ?1 WHERE id = 1"
                        + " RETURNING revision")
                .setParameter(1, writer)
                .getSingleResult();
        return new Revision(((Number) value).longValue(), writer);
    }

    private static NewTimelineEntry entry(boolean isPublic, ComponentFact fact) {
        return isPublic ? NewTimelineEntry.publicly(fact) : NewTimelineEntry.staff(fact);
    }

    /**
     * Offers the snapshot this write built to the catalog: the next writer, which may take the
     * lock as soon as this transaction commits, uses it instead of reading the catalog back.
     */
    private void publish(CatalogSnapshot after, Revision revision) {
        catalog.pending(revision.writer(), after);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                catalog.settled(revision.writer(), status == Status.STATUS_COMMITTED);
            }
        });
    }
}
