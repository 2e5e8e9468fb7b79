package bonbu.component.graph;

import bonbu.component.ComponentStatus;
import bonbu.component.DependencyKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dependency graph of the catalog and the effective-status rules over it. Pure and immutable:
 * no database, no clock, so the rules are tested on their own and benchmarked at national scale.
 *
 * <p>Effective status is the worst of a component's own status and what its upstreams propagate
 * ({@link DependencyKind#propagate}). When an upstream explains the effective status, it is
 * recorded as the cause; following causes gives the chain down to where the trouble started. Among
 * upstreams that explain the same status the shortest chain wins, then the smaller key, so the
 * answer is deterministic.
 */
public final class CatalogGraph {

    /** "downstream depends on upstream". */
    public record Edge(String downstream, String upstream, DependencyKind kind) {}

    /** Effective status of every node, the upstream that explains it (or -1), and the chain length. */
    public record Effective(ComponentStatus[] status, int[] cause, int[] depth) {

        Effective copy() {
            return new Effective(status.clone(), cause.clone(), depth.clone());
        }
    }

    /** One component whose effective status differs between two states. */
    public record Change(String key, ComponentStatus from, ComponentStatus to) {}

    private final String[] keys;
    private final Map<String, Integer> index;
    private final int[][] upstreams;
    private final DependencyKind[][] upstreamKinds;
    private final int[][] downstreams;
    private final int[] topoOrder;
    private final int[] topoPosition;

    private CatalogGraph(String[] keys, List<Edge> edges) {
        this.keys = keys;
        this.index = new HashMap<>(keys.length * 2);
        for (int i = 0; i < keys.length; i++) {
            if (index.put(keys[i], i) != null) {
                throw new IllegalArgumentException("duplicate component key " + keys[i]);
            }
        }
        List<List<int[]>> up = new ArrayList<>(keys.length);
        List<List<Integer>> down = new ArrayList<>(keys.length);
        for (int i = 0; i < keys.length; i++) {
            up.add(new ArrayList<>(2));
            down.add(new ArrayList<>(2));
        }
        for (Edge e : edges) {
            int d = require(e.downstream());
            int u = require(e.upstream());
            up.get(d).add(new int[] {u, e.kind().ordinal()});
            down.get(u).add(d);
        }
        upstreams = new int[keys.length][];
        upstreamKinds = new DependencyKind[keys.length][];
        downstreams = new int[keys.length][];
        DependencyKind[] kinds = DependencyKind.values();
        for (int i = 0; i < keys.length; i++) {
            List<int[]> ups = up.get(i);
            upstreams[i] = new int[ups.size()];
            upstreamKinds[i] = new DependencyKind[ups.size()];
            for (int j = 0; j < ups.size(); j++) {
                upstreams[i][j] = ups.get(j)[0];
                upstreamKinds[i][j] = kinds[ups.get(j)[1]];
            }
            downstreams[i] = down.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        topoOrder = topologicalOrder();
        topoPosition = new int[keys.length];
        for (int p = 0; p < topoOrder.length; p++) {
            topoPosition[topoOrder[p]] = p;
        }
    }

    /** Builds the graph; refuses unknown keys and cycles. */
    public static CatalogGraph of(List<String> keys, List<Edge> edges) {
        return new CatalogGraph(keys.toArray(String[]::new), edges);
    }

    public int size() {
        return keys.length;
    }

    public String key(int node) {
        return keys[node];
    }

    public Optional<Integer> indexOf(String key) {
        return Optional.ofNullable(index.get(key));
    }

    /** Every dependency, as edges. */
    public List<Edge> edges() {
        List<Edge> edges = new ArrayList<>();
        for (int d = 0; d < keys.length; d++) {
            for (int j = 0; j < upstreams[d].length; j++) {
                edges.add(new Edge(keys[d], keys[upstreams[d][j]], upstreamKinds[d][j]));
            }
        }
        return edges;
    }

    public int[] upstreamsOf(int node) {
        return upstreams[node].clone();
    }

    public DependencyKind[] upstreamKindsOf(int node) {
        return upstreamKinds[node].clone();
    }

    public int[] downstreamsOf(int node) {
        return downstreams[node].clone();
    }

    /** Effective status of every component, given each one's own status (indexed like the graph). */
    public Effective compute(ComponentStatus[] own) {
        Effective e = new Effective(new ComponentStatus[keys.length], new int[keys.length], new int[keys.length]);
        for (int node : topoOrder) {
            evaluate(node, own, e);
        }
        return e;
    }

    /**
     * Effective statuses after one component's own status changed. Only what lies downstream of it
     * is visited, and only as far as something actually changes.
     *
     * @param own the own statuses after the change
     */
    public Effective recompute(Effective before, ComponentStatus[] own, int changed) {
        Effective e = before.copy();
        boolean[] dirty = new boolean[keys.length];
        dirty[changed] = true;
        for (int p = topoPosition[changed]; p < topoOrder.length; p++) {
            int node = topoOrder[p];
            if (!dirty[node]) continue;
            ComponentStatus oldStatus = e.status[node];
            int oldCause = e.cause[node];
            int oldDepth = e.depth[node];
            evaluate(node, own, e);
            if (e.status[node] != oldStatus || e.cause[node] != oldCause || e.depth[node] != oldDepth) {
                for (int d : downstreams[node]) dirty[d] = true;
            }
        }
        return e;
    }

    /** The components whose effective status differs, in graph order. */
    public List<Change> changes(Effective before, Effective after) {
        List<Change> changes = new ArrayList<>();
        for (int node : topoOrder) {
            if (before.status[node] != after.status[node]) {
                changes.add(new Change(keys[node], before.status[node], after.status[node]));
            }
        }
        return changes;
    }

    /** The cause chain of a node: the upstream that explains its status, then what explains that, … */
    public List<Integer> causeChain(Effective e, int node) {
        List<Integer> chain = new ArrayList<>();
        for (int c = e.cause[node]; c >= 0; c = e.cause[c]) {
            chain.add(c);
        }
        return chain;
    }

    /**
     * If making {@code downstream} depend on {@code upstream} would close a cycle, the cycle as keys
     * ({@code [downstream, upstream, …, downstream]}); empty if the edge is safe.
     */
    public Optional<List<String>> cycleIfAdded(String downstream, String upstream) {
        int d = require(downstream);
        int u = require(upstream);
        if (d == u) {
            return Optional.of(List.of(downstream, downstream));
        }
        // Does upstream already (transitively) depend on downstream?
        int[] parent = new int[keys.length];
        Arrays.fill(parent, -2);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        parent[u] = -1;
        queue.add(u);
        while (!queue.isEmpty()) {
            int n = queue.poll();
            if (n == d) {
                List<String> path = new ArrayList<>();
                for (int c = d; c != -1; c = parent[c]) path.add(keys[c]);
                Collections.reverse(path); // upstream … downstream
                List<String> cycle = new ArrayList<>();
                cycle.add(downstream);
                cycle.addAll(path);
                return Optional.of(cycle);
            }
            for (int next : upstreams[n]) {
                if (parent[next] == -2) {
                    parent[next] = n;
                    queue.add(next);
                }
            }
        }
        return Optional.empty();
    }

    private void evaluate(int node, ComponentStatus[] own, Effective e) {
        ComponentStatus best = ComponentStatus.OPERATIONAL;
        int bestUpstream = -1;
        int bestDepth = Integer.MAX_VALUE;
        int[] ups = upstreams[node];
        DependencyKind[] kinds = upstreamKinds[node];
        for (int j = 0; j < ups.length; j++) {
            int u = ups[j];
            ComponentStatus propagated = kinds[j].propagate(e.status[u]);
            if (propagated == ComponentStatus.OPERATIONAL) continue;
            int depth = e.depth[u] + 1;
            boolean better = bestUpstream < 0
                    || propagated.isWorseThan(best)
                    || (propagated == best
                            && (depth < bestDepth
                                    || (depth == bestDepth && keys[u].compareTo(keys[bestUpstream]) < 0)));
            if (better) {
                best = propagated;
                bestUpstream = u;
                bestDepth = depth;
            }
        }
        ComponentStatus mine = own[node];
        if (bestUpstream >= 0 && !mine.isWorseThan(best)) {
            e.status[node] = best;
            e.cause[node] = bestUpstream;
            e.depth[node] = bestDepth;
        } else {
            e.status[node] = mine;
            e.cause[node] = -1;
            e.depth[node] = 0;
        }
    }

    private int[] topologicalOrder() {
        int n = keys.length;
        int[] pending = new int[n];
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            pending[i] = upstreams[i].length;
            if (pending[i] == 0) ready.add(i);
        }
        int[] order = new int[n];
        int count = 0;
        while (!ready.isEmpty()) {
            int node = ready.poll();
            order[count++] = node;
            for (int d : downstreams[node]) {
                if (--pending[d] == 0) ready.add(d);
            }
        }
        if (count != n) {
            throw new IllegalArgumentException("the dependency graph has a cycle");
        }
        return order;
    }

    private int require(String key) {
        Integer i = index.get(key);
        if (i == null) throw new IllegalArgumentException("unknown component " + key);
        return i;
    }
}
