package bonbu.statuspage;

import bonbu.timeline.TimelineCommitted;
import bonbu.timeline.integrity.CheckpointTaken;
import bonbu.timeline.integrity.Checkpoints;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The public site as last rendered, shared by every public request. It is rebuilt off the request
 * path: after each committed timeline batch (so every public change), and every
 * {@code refresh-every} in case of a missed change, a new day or a database outage. While the
 * database cannot be read the last site stays, re-rendered once to say how old it is. The signed
 * checkpoints ({@code /checkpoints.json}) are read with it, and replaced alone when only they
 * changed: a checkpoint re-renders no page.
 */
@ApplicationScoped
public class PublicSnapshot {

    /** Where the signed checkpoints of the timeline's hash chain are published. */
    static final String CHECKPOINTS = "/checkpoints.json";

    private static final Logger LOG = Logger.getLogger(PublicSnapshot.class);

    @Inject
    PublicStateLoader loader;

    @Inject
    SiteRenderer renderer;

    @Inject
    StaticMirror mirror;

    @Inject
    Checkpoints checkpoints;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    private volatile Site site;
    /** When the content last changed (shown as "last changed"), and when it was last read. */
    private volatile Instant changedAt;

    private volatile Instant loadedAt;
    /** What the current {@code checkpoints.json} was made from. */
    private volatile Checkpoints.Published publishedAnchors;

    private final AtomicBoolean queued = new AtomicBoolean();
    /** When the last rebuild finished (System.nanoTime), to keep rebuilds at least min-interval apart. */
    private volatile long lastBuilt = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

    @Inject
    StatusPageConfig config;

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bonbu-public-snapshot");
        t.setDaemon(true);
        return t;
    });

    void start(@Observes @Priority(10_000) StartupEvent event) {
        registry.gauge("bonbu.public.snapshot.age", this, s -> s.ageSeconds());
        registry.gauge("bonbu.public.snapshot.stale", this, s -> s.site != null && s.site.stale() ? 1 : 0);
        registry.gauge(
                "bonbu.public.snapshot.seq",
                this,
                s -> s.site == null ? -1 : s.site.state().seq());
        refreshSoon();
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    void onCommitted(@Observes TimelineCommitted committed) {
        refreshSoon();
    }

    /** A checkpoint taken here is published at once; other replicas' within {@code refresh-every}. */
    void onCheckpoint(@Observes CheckpointTaken taken) {
        refreshSoon();
    }

    @Scheduled(every = "${bonbu.statuspage.refresh-every:30s}", delayed = "5s")
    void periodically() {
        refreshSoon();
    }

    /** The current site, or null before the first successful load. */
    public Site site() {
        return site;
    }

    /**
     * Asks for a rebuild. Requests made while one is queued share it; one made while a rebuild runs
     * queues the next, so the last change is always picked up. Rebuilds start at least
     * {@code min-interval} apart, so a burst of changes costs a few rebuilds, not one each.
     */
    void refreshSoon() {
        if (queued.compareAndSet(false, true)) {
            long wait = lastBuilt + config.minInterval().toNanos() - System.nanoTime();
            try {
                worker.schedule(this::refresh, Math.max(0, wait), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                queued.set(false); // shutting down
            }
        }
    }

    /** Rebuilds now on the caller's thread; for tests and the first load. */
    synchronized void refresh() {
        queued.set(false);
        try {
            rebuild();
        } finally {
            lastBuilt = System.nanoTime();
        }
    }

    private void rebuild() {
        PublicState state;
        Checkpoints.Published anchors;
        try {
            state = loader.load();
            anchors = checkpoints.published();
        } catch (RuntimeException e) {
            markStale(e);
            return;
        }
        Site previous = site;
        loadedAt = state.loadedAt();
        Resource anchorsDoc = checkpointsDocument(anchors, previous);
        if (previous != null && !previous.stale() && state.sameContentAs(previous.state())) {
            // Nothing the public sees has changed: keep the bytes (and their ETags).
            boolean newCheckpoints = anchorsDoc != previous.get(CHECKPOINTS);
            site = new Site(
                    state, false, newCheckpoints ? with(previous.resources(), anchorsDoc) : previous.resources());
            if (newCheckpoints) mirror.write(site);
            return;
        }
        if (previous == null || !state.sameContentAs(previous.state()) || changedAt == null) {
            changedAt = state.loadedAt();
        }
        long started = System.nanoTime();
        Site rendered = renderer.render(state, false, changedAt);
        Site next = new Site(state, false, with(rendered.resources(), anchorsDoc));
        site = next;
        registry.timer("bonbu.public.snapshot.render").record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        mirror.write(next);
    }

    private void markStale(RuntimeException e) {
        Site previous = site;
        LOG.warnf("Could not read the public state (%s); the public site keeps its last snapshot", rootMessage(e));
        if (previous == null || previous.stale()) return;
        Site rendered = renderer.render(previous.state(), true, loadedAt);
        Resource anchorsDoc = previous.get(CHECKPOINTS);
        Site next = anchorsDoc == null
                ? rendered
                : new Site(rendered.state(), true, with(rendered.resources(), anchorsDoc));
        site = next;
        mirror.write(next);
    }

    /** {@code checkpoints.json}: the previous site's document (same object) while the checkpoints are the same. */
    private Resource checkpointsDocument(Checkpoints.Published anchors, Site previous) {
        Resource before = previous == null ? null : previous.get(CHECKPOINTS);
        if (before != null && anchors.equals(publishedAnchors)) return before;
        try {
            Resource doc = Resource.of(
                    SiteRenderer.JSON,
                    "en",
                    200,
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(anchors));
            publishedAnchors = anchors;
            return doc;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Resource> with(Map<String, Resource> resources, Resource anchorsDoc) {
        Map<String, Resource> all = new HashMap<>(resources);
        all.put(CHECKPOINTS, anchorsDoc);
        return Map.copyOf(all);
    }

    private double ageSeconds() {
        Instant at = loadedAt;
        return at == null ? -1 : Math.max(0, clock.instant().toEpochMilli() - at.toEpochMilli()) / 1000.0;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** Waits up to {@code timeoutMillis} for queued rebuilds to finish; for tests. */
    boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (!queued.get()) {
                synchronized (this) {
                    if (!queued.get()) return true;
                }
            }
            Thread.sleep(10);
        }
        return false;
    }
}
