package bonbu.component;

import bonbu.shared.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Snapshots built by writes not yet known to be committed, by writer. */
    private final Map<UUID, CatalogSnapshot> pending = new ConcurrentHashMap<>();

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
        if (s != null && s.revision == revision) {
            return s;
        }
        synchronized (this) {
            s = current;
            if (s != null && s.revision == revision) {
                return s;
            }
            // The database shows that write as committed, so its snapshot is the catalog now.
            CatalogSnapshot built = writer == null ? null : pending.get(writer);
            s = built != null && built.revision == revision ? built : load(revision);
            if (current == null || current.revision <= revision) {
                current = s;
            }
            return s;
        }
    }

    /** A write built this snapshot; it becomes current once the write is known to have committed. */
    void pending(UUID writer, CatalogSnapshot snapshot) {
        pending.put(writer, snapshot);
    }

    /** The write has finished: install its snapshot if it committed, forget it either way. */
    void settled(UUID writer, boolean committed) {
        CatalogSnapshot snapshot = pending.remove(writer);
        if (committed && snapshot != null) {
            synchronized (this) {
                if (current == null || current.revision < snapshot.revision) {
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
                revision, components.stream().map(ComponentRecord::of).toList(), edges);
        // The entities were only read to build the snapshot; do not keep 11,000 of them managed.
        Panache.getEntityManager().clear();
        return snapshot;
    }
}
