package bonbu.component.graph;

import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.component.DependencyKind;
import bonbu.component.ImpactView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The whole catalog at one catalog revision, with every effective status worked out. Immutable;
 * shared by all readers until the next catalog change.
 */
public final class CatalogSnapshot {

    private final long revision;
    private final CatalogGraph graph;
    private final ComponentRecord[] records;
    private final ComponentStatus[] own;
    private final CatalogGraph.Effective effective;

    private CatalogSnapshot(
            long revision,
            CatalogGraph graph,
            ComponentRecord[] records,
            ComponentStatus[] own,
            CatalogGraph.Effective effective) {
        this.revision = revision;
        this.graph = graph;
        this.records = records;
        this.own = own;
        this.effective = effective;
    }

    /** The catalog revision this snapshot shows. */
    public long revision() {
        return revision;
    }

    /** The dependency graph. */
    public CatalogGraph graph() {
        return graph;
    }

    /** Every component's effective status and cause. */
    public CatalogGraph.Effective effective() {
        return effective;
    }

    public static CatalogSnapshot of(long revision, List<ComponentRecord> components, List<CatalogGraph.Edge> edges) {
        ComponentRecord[] records = components.toArray(ComponentRecord[]::new);
        CatalogGraph graph =
                CatalogGraph.of(Arrays.stream(records).map(ComponentRecord::key).toList(), edges);
        ComponentStatus[] own =
                Arrays.stream(records).map(ComponentRecord::status).toArray(ComponentStatus[]::new);
        return new CatalogSnapshot(revision, graph, records, own, graph.compute(own));
    }

    /** The catalog after one component's own status changed, recomputing only what lies downstream. */
    public CatalogSnapshot withStatus(int node, ComponentStatus status, Instant at, long newRevision) {
        ComponentRecord[] nextRecords = records.clone();
        nextRecords[node] = records[node].withStatus(status, at);
        ComponentStatus[] nextOwn = own.clone();
        nextOwn[node] = status;
        return new CatalogSnapshot(newRevision, graph, nextRecords, nextOwn, graph.recompute(effective, nextOwn, node));
    }

    public CatalogSnapshot withRevision(long newRevision) {
        return new CatalogSnapshot(newRevision, graph, records, own, effective);
    }

    /**
     * Views of the given components and of every component whose effective status they explain
     * (their keys appear in its cause chain), in graph order.
     */
    public List<ComponentView> affectedBy(java.util.Collection<String> keys) {
        boolean[] direct = new boolean[records.length];
        for (String key : keys) indexOf(key).ifPresent(i -> direct[i] = true);
        List<ComponentView> affected = new ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            boolean hit = direct[i];
            if (!hit && effective.status()[i] != ComponentStatus.OPERATIONAL) {
                for (int c : graph.causeChain(effective, i)) {
                    if (direct[c]) {
                        hit = true;
                        break;
                    }
                }
            }
            if (hit) affected.add(view(i));
        }
        return affected;
    }

    /** The catalog with one more component (which has no dependencies yet). */
    public CatalogSnapshot withComponent(ComponentRecord added, long newRevision) {
        List<ComponentRecord> next = new ArrayList<>(Arrays.asList(records));
        next.add(added);
        return of(newRevision, next, graph.edges());
    }

    /** The catalog with one component's descriptive fields replaced; statuses and links stay. */
    public CatalogSnapshot withRecord(int node, ComponentRecord replacement, long newRevision) {
        ComponentRecord[] next = records.clone();
        next[node] = replacement;
        return new CatalogSnapshot(newRevision, graph, next, own, effective);
    }

    /** The same components with another set of dependencies; indexes stay the same. */
    public CatalogSnapshot withEdges(List<CatalogGraph.Edge> edges, long newRevision) {
        return of(newRevision, Arrays.asList(records), edges);
    }

    /** What the catalog would look like with one component in another status; nothing is stored. */
    public CatalogGraph.Effective whatIf(int node, ComponentStatus status) {
        ComponentStatus[] nextOwn = own.clone();
        nextOwn[node] = status;
        return graph.recompute(effective, nextOwn, node);
    }

    public int size() {
        return records.length;
    }

    public Optional<Integer> indexOf(String key) {
        return graph.indexOf(key);
    }

    public ComponentRecord record(int node) {
        return records[node];
    }

    public ComponentStatus effectiveStatus(int node) {
        return effective.status()[node];
    }

    private List<ComponentView.Cause> causes(CatalogGraph.Effective e, int node) {
        List<ComponentView.Cause> causes = new ArrayList<>();
        for (int c : graph.causeChain(e, node)) {
            causes.add(new ComponentView.Cause(records[c].key(), records[c].name(), e.status()[c]));
        }
        return causes;
    }

    public ComponentView view(int node) {
        return view(node, records[node]);
    }

    /** The view of a node with its stored fields replaced (same links and effective status). */
    public ComponentView view(int node, ComponentRecord r) {
        int[] ups = graph.upstreamsOf(node);
        DependencyKind[] kinds = graph.upstreamKindsOf(node);
        List<ComponentView.Link> upstreams = new ArrayList<>(ups.length);
        for (int j = 0; j < ups.length; j++) {
            upstreams.add(new ComponentView.Link(records[ups[j]].key(), records[ups[j]].name(), kinds[j]));
        }
        List<ComponentView.Link> downstreams = new ArrayList<>();
        for (int d : graph.downstreamsOf(node)) {
            int[] dUps = graph.upstreamsOf(d);
            DependencyKind[] dKinds = graph.upstreamKindsOf(d);
            for (int j = 0; j < dUps.length; j++) {
                if (dUps[j] == node) {
                    downstreams.add(new ComponentView.Link(records[d].key(), records[d].name(), dKinds[j]));
                }
            }
        }
        return new ComponentView(
                r.key(),
                r.name(),
                r.group(),
                r.kind(),
                r.tier(),
                r.isPublic(),
                r.description(),
                r.alternatives(),
                r.status(),
                effective.status()[node],
                causes(effective, node),
                r.statusChangedAt(),
                upstreams,
                downstreams,
                r.createdAt(),
                r.updatedAt());
    }

    public List<ComponentView> views() {
        List<ComponentView> views = new ArrayList<>(records.length);
        for (int i = 0; i < records.length; i++) {
            views.add(view(i));
        }
        return views;
    }

    /** The components whose effective status differs between this catalog and {@code after}. */
    public List<ImpactView.Affected> changesTo(CatalogGraph.Effective after) {
        List<ImpactView.Affected> changes = new ArrayList<>();
        for (CatalogGraph.Change change : graph.changes(effective, after)) {
            int node = graph.indexOf(change.key()).orElseThrow();
            ComponentRecord r = records[node];
            changes.add(new ImpactView.Affected(
                    r.key(), r.name(), r.tier(), r.isPublic(), change.from(), change.to(), causes(after, node)));
        }
        return changes;
    }
}
