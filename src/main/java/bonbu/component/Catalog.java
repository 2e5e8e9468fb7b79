package bonbu.component;

import bonbu.component.graph.CatalogGraph;
import bonbu.component.graph.CatalogSnapshot;
import bonbu.shared.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The read side of the catalog: an in-memory snapshot with every effective status computed,
 * reloaded only when the catalog revision in the database has moved (one indexed read per call),
 * so every replica converges on what was committed.
 */
@ApplicationScoped
public class Catalog {

    private volatile CatalogSnapshot current;

    /** A snapshot built by a write not yet known to be committed, and that write's transaction. */
    private record Pending(CatalogSnapshot snapshot, Object transaction) {}

    /** Pending snapshots by writer. */
    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * The current catalog. Inside a write transaction call it before changing anything: a snapshot
     * read from uncommitted changes must never be cached.
     */
    @Transactional
    CatalogSnapshot snapshot() {
        Object[] row = (Object[]) Panache.getEntityManager()
                .createNativeQuery("SELECT revision, writer FROM catalog_revision WHERE id = 1")
                .getSingleResult();
        long revision = ((Number) row[0]).longValue();
        UUID writer = (UUID) row[1];
        CatalogSnapshot s = current;
        if (s != null && s.revision() == revision) {
            return s;
        }
        synchronized (this) {
            s = current;
            if (s != null && s.revision() == revision) {
                return s;
            }
            Pending built = writer == null ? null : pending.get(writer);
            if (built != null && built.snapshot().revision() == revision) {
                if (Objects.equals(built.transaction(), transactions.getTransactionKey())) {
                    // This transaction's own, uncommitted change: visible here, cached for no one.
                    return built.snapshot();
                }
                // The database shows that write as committed, so its snapshot is the catalog now.
                s = built.snapshot();
            } else {
                s = load(revision);
            }
            if (current == null || current.revision() <= revision) {
                current = s;
            }
            return s;
        }
    }

    /** A write built this snapshot; it becomes current once the write is known to have committed. */
    void pending(UUID writer, CatalogSnapshot snapshot) {
        pending.put(writer, new Pending(snapshot, transactions.getTransactionKey()));
    }

    /** The write has finished: install its snapshot if it committed, forget it either way. */
    void settled(UUID writer, boolean committed) {
        Pending settled = pending.remove(writer);
        CatalogSnapshot snapshot = settled == null ? null : settled.snapshot();
        if (committed && snapshot != null) {
            synchronized (this) {
                if (current == null || current.revision() < snapshot.revision()) {
                    current = snapshot;
                }
            }
        }
    }

    public List<ComponentView> all() {
        return snapshot().views();
    }

    public ComponentView get(String key) {
        CatalogSnapshot s = snapshot();
        return s.view(s.indexOf(key).orElseThrow(() -> unknown(key)));
    }

    /** The given components and everything whose effective status they explain. */
    public List<ComponentView> affectedBy(java.util.Collection<String> keys) {
        return snapshot().affectedBy(keys);
    }

    static ProblemException unknown(String key) {
        return ProblemException.notFound(
                "There is no component with key '" + key + "'. GET /api/components lists them.");
    }

    private static CatalogSnapshot load(long revision) {
        List<Component> components = Component.list("order by id");
        Map<Long, String> keys = new HashMap<>(components.size() * 2);
        for (Component c : components) keys.put(c.id, c.key);
        List<CatalogGraph.Edge> edges = ComponentDependency.<ComponentDependency>listAll().stream()
                .map(d -> new CatalogGraph.Edge(keys.get(d.id.downstreamId()), keys.get(d.id.upstreamId()), d.kind))
                .toList();
        CatalogSnapshot snapshot = CatalogSnapshot.of(
                revision, components.stream().map(Component::record).toList(), edges);
        // The entities were only read to build the snapshot; do not keep 11,000 of them managed.
        Panache.getEntityManager().clear();
        return snapshot;
    }
}
