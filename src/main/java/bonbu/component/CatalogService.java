package bonbu.component;

import bonbu.shared.DomainException;
import bonbu.shared.ProblemException;
import bonbu.timeline.NewTimelineEntry;
import bonbu.timeline.Timeline;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.Optional;
import java.util.TreeMap;

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
        long revision = bumpRevision();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("key", c.key);
        data.put("name", c.name());
        data.put("group", c.group());
        data.put("kind", c.kind);
        data.put("tier", c.tier);
        data.put("public", c.isPublic);
        data.put("status", c.status);
        timeline.append(actor, List.of(entry("component.created", c.isPublic, data)));
        CatalogSnapshot after = before.withComponent(ComponentRecord.of(c), revision);
        afterCommit(() -> catalog.committed(after));
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
        Map<String, Object> changes = new LinkedHashMap<>();
        boolean wasPublic = c.isPublic;
        if (request.name() != null && !request.name().equals(c.name())) {
            changes.put("name", fromTo(c.name(), request.name()));
            c.rename(request.name());
        }
        if (request.group() != null && !request.group().equals(c.group())) {
            changes.put("group", fromTo(c.group(), request.group()));
            c.regroup(request.group());
        }
        if (request.kind() != null && request.kind() != c.kind) {
            changes.put("kind", fromTo(c.kind, request.kind()));
            c.kind = request.kind();
        }
        if (request.tier() != null && request.tier() != c.tier) {
            changes.put("tier", fromTo(c.tier, request.tier()));
            c.tier = request.tier();
        }
        if (request.isPublic() != null && request.isPublic() != c.isPublic) {
            changes.put("public", fromTo(c.isPublic, request.isPublic()));
            c.isPublic = request.isPublic();
        }
        if (request.description() != null && !request.description().equals(c.description())) {
            changes.put("description", fromTo(c.description(), request.description()));
            c.describe(request.description());
        }
        if (request.alternatives() != null && !request.alternatives().equals(c.alternatives)) {
            checkAlternatives(before, request.alternatives());
            changes.put("alternatives", fromTo(c.alternatives, request.alternatives()));
            c.alternatives = new ArrayList<>(request.alternatives());
        }
        if (changes.isEmpty()) {
            return before.view(before.indexOf(key).orElseThrow());
        }
        c.updatedAt = clock.instant();
        long revision = bumpRevision();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("key", key);
        data.put("changes", changes);
        timeline.append(actor, List.of(entry("component.updated", wasPublic || c.isPublic, data)));
        int node = before.indexOf(key).orElseThrow();
        CatalogSnapshot after = before.withRecord(node, ComponentRecord.of(c), revision);
        afterCommit(() -> catalog.committed(after));
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
        before.graph.cycleIfAdded(downstreamKey, upstreamKey).ifPresent(cycle -> {
            throw new DomainException(
                    "'" + downstreamKey + "' cannot depend on '" + upstreamKey + "': that would make a cycle "
                            + String.join(" → ", cycle) + " (each arrow reads \"depends on\"). Remove one of those"
                            + " dependencies first.",
                    Map.of("cycle", cycle));
        });
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("downstream", downstreamKey);
        data.put("upstream", upstreamKey);
        data.put("kind", kind);
        String type;
        List<CatalogGraph.Edge> edges = new ArrayList<>(before.graph.edges());
        edges.removeIf(e -> e.downstream().equals(downstreamKey) && e.upstream().equals(upstreamKey));
        edges.add(new CatalogGraph.Edge(downstreamKey, upstreamKey, kind));
        if (existing.isPresent()) {
            data.put("previousKind", existing.get().kind);
            existing.get().kind = kind;
            type = "dependency.changed";
        } else {
            ComponentDependency d = new ComponentDependency();
            d.id = new ComponentDependency.Id(downstream.id, upstream.id);
            d.kind = kind;
            d.createdAt = clock.instant();
            d.persist();
            type = "dependency.added";
        }
        recordStructuralChange(before, edges, type, data, actor);
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
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("downstream", downstreamKey);
        data.put("upstream", upstreamKey);
        data.put("kind", d.kind);
        d.delete();
        List<CatalogGraph.Edge> edges = new ArrayList<>(before.graph.edges());
        edges.removeIf(e -> e.downstream().equals(downstreamKey) && e.upstream().equals(upstreamKey));
        recordStructuralChange(before, edges, "dependency.removed", data, actor);
    }

    /** Sets a component's own status and records every effective status that moved because of it. */
    @Transactional
    public StatusChange changeStatus(String key, ComponentStatus status, String reason, String actor) {
        CatalogSnapshot before = lockAndRead();
        int node = before.indexOf(key).orElseThrow(() -> Catalog.unknown(key));
        Component c = Component.findByKey(key).orElseThrow(() -> Catalog.unknown(key));
        ComponentStatus previous = c.status;
        Instant now = clock.instant();
        if (!c.changeStatus(status, now)) {
            return new StatusChange(before.view(node), List.of());
        }
        long revision = bumpRevision();
        CatalogSnapshot after = before.withStatus(node, status, now, revision);
        List<ImpactView.Affected> changes = before.changesTo(after.effective);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("key", key);
        data.put("name", c.name());
        data.put("from", previous);
        data.put("to", status);
        data.put("reason", reason);
        data.put("effectiveChanges", grouped(changes));
        List<NewTimelineEntry> entries = new ArrayList<>();
        entries.add(NewTimelineEntry.staff("component.status_changed", data));
        publicEffectiveChanges(changes).ifPresent(entries::add);
        timeline.append(actor, entries);
        afterCommit(() -> catalog.committed(after));
        return new StatusChange(after.view(node), changes);
    }

    /** The blast radius of {@code key} going to {@code status}, computed without changing anything. */
    public ImpactView impact(String key, ComponentStatus status) {
        CatalogSnapshot s = catalog.snapshot();
        int node = s.indexOf(key).orElseThrow(() -> Catalog.unknown(key));
        return new ImpactView(key, status, s.changesTo(s.whatIf(node, status)));
    }

    private void recordStructuralChange(
            CatalogSnapshot before,
            List<CatalogGraph.Edge> edges,
            String type,
            Map<String, Object> data,
            String actor) {
        long revision = bumpRevision();
        CatalogSnapshot after = before.withEdges(edges, revision);
        List<ImpactView.Affected> changes = before.changesTo(after.effective);
        data.put("effectiveChanges", grouped(changes));
        List<NewTimelineEntry> entries = new ArrayList<>();
        entries.add(NewTimelineEntry.staff(type, data));
        publicEffectiveChanges(changes).ifPresent(entries::add);
        timeline.append(actor, entries);
        afterCommit(() -> catalog.committed(after));
    }

    /**
     * The public fact: which public components moved, and the names of what caused it. Kept
     * compact, since one shared failure can move thousands of components at once.
     */
    private Optional<NewTimelineEntry> publicEffectiveChanges(List<ImpactView.Affected> changes) {
        List<ImpactView.Affected> visible =
                changes.stream().filter(ImpactView.Affected::isPublic).toList();
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> causeNames = new TreeMap<>();
        for (ImpactView.Affected a : visible) {
            for (ComponentView.Cause c : a.causes()) causeNames.putIfAbsent(c.key(), c.name());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("changes", grouped(visible));
        data.put("causeNames", causeNames);
        return Optional.of(NewTimelineEntry.publicly("component.effective_status_changed", data));
    }

    /**
     * Effective changes grouped by what happened and why: {@code [{from, to, causes, keys}]}. A
     * shared failure moves thousands of components the same way, so this keeps the entry small.
     */
    static List<Map<String, Object>> grouped(List<ImpactView.Affected> changes) {
        Map<List<Object>, Map<String, Object>> groups = new LinkedHashMap<>();
        for (ImpactView.Affected a : changes) {
            List<String> causes =
                    a.causes().stream().map(ComponentView.Cause::key).toList();
            Map<String, Object> group = groups.computeIfAbsent(List.of(a.from(), a.to(), causes), k -> {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("from", a.from());
                g.put("to", a.to());
                g.put("causes", causes);
                g.put("keys", new ArrayList<String>());
                return g;
            });
            @SuppressWarnings("unchecked")
            List<String> keys = (List<String>) group.get("keys");
            keys.add(a.key());
        }
        return new ArrayList<>(groups.values());
    }

    private void checkAlternatives(CatalogSnapshot catalog, List<Alternative> alternatives) {
        for (Alternative a : alternatives) {
            if (a.component() != null && catalog.indexOf(a.component()).isEmpty()) {
                throw ProblemException.badRequest("Alternative '" + a.name().ko() + "' names component '"
                        + a.component() + "', which is not in the catalog.");
            }
        }
    }

    private CatalogSnapshot lockAndRead() {
        Panache.getEntityManager()
                .createNativeQuery("SELECT pg_advisory_xact_lock(" + CATALOG_LOCK + ")")
                .getSingleResult();
        return catalog.snapshot();
    }

    private static long bumpRevision() {
        Object value = Panache.getEntityManager()
                .createNativeQuery(
                        "UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1 RETURNING revision")
                .getSingleResult();
        return ((Number) value).longValue();
    }

    private static NewTimelineEntry entry(String type, boolean isPublic, Map<String, Object> data) {
        return isPublic ? NewTimelineEntry.publicly(type, data) : NewTimelineEntry.staff(type, data);
    }

    private static Map<String, Object> fromTo(Object from, Object to) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from);
        m.put("to", to);
        return m;
    }

    private void afterCommit(Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
