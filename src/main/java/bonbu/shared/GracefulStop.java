package bonbu.shared;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Stops a replica without dropping anyone: on SIGTERM it leaves the rotation (readiness goes down)
 * and fires {@link ShutdownBegan}, on which live clients are told to reconnect elsewhere; it keeps
 * answering for {@code bonbu.shutdown.delay} while load balancers notice; then it refuses new
 * requests with 503 and waits up to {@code bonbu.shutdown.timeout} for those in flight to finish.
 *
 * <p>Quarkus's own {@code quarkus.shutdown.timeout} is not used: it counts an upgraded websocket
 * request as in flight until the timeout ends, so any replica that ever had a websocket client
 * would take the whole timeout to stop. Here websocket connections are closed by the live hub and
 * only plain requests are counted.
 */
@ApplicationScoped
public class GracefulStop {

    private static final Logger LOG = Logger.getLogger(GracefulStop.class);

    @ConfigMapping(prefix = "bonbu.shutdown")
    interface Config {
        /** How long a stopping replica keeps answering after readiness went down. */
        @WithDefault("1s")
        Duration delay();

        /** How long it then waits for requests in flight before stopping anyway. */
        @WithDefault("20s")
        Duration timeout();
    }

    @Inject
    Config config;

    @Inject
    Event<ShutdownBegan> began;

    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopping;
    private volatile boolean refusing;

    /** True from the moment this replica has begun to stop. */
    public boolean stopping() {
        return stopping;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::track);
    }

    private void track(RoutingContext ctx) {
        if ("websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"))) {
            ctx.next(); // long-lived; closed by the live hub, refused by its upgrade check
            return;
        }
        if (refusing) {
            ctx.response()
                    .setStatusCode(503)
                    .putHeader("Connection", "close")
                    .putHeader("Retry-After", "1")
                    .end();
            return;
        }
        inFlight.incrementAndGet();
        ctx.addEndHandler(done -> {
            synchronized (inFlight) {
                if (inFlight.decrementAndGet() == 0) inFlight.notifyAll();
            }
        });
        ctx.next();
    }

    // Quarkus fires this on SIGTERM before it stops anything (quarkus.shutdown.delay-enabled).
    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        stop();
    }

    // Where the delay event is not fired, at least close the live clients properly.
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        stop();
    }

    synchronized void stop() {
        if (stopping) return;
        stopping = true;
        long started = System.nanoTime();
        began.fire(new ShutdownBegan());
        sleep(config.delay().toMillis());
        refusing = true;
        long deadline = System.nanoTime() + config.timeout().toNanos();
        synchronized (inFlight) {
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                try {
                    inFlight.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        int left = inFlight.get();
        if (left > 0) {
            LOG.warnf("Stopping with %d requests still in flight after %s", left, config.timeout());
        } else {
            LOG.infof(
                    "Stopped taking requests; none in flight (%d ms after the stop began)",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
    }

    private static void sleep(long millis) {
        if (millis <= 0) return;
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
