package bonbu.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Live-update metrics: open connections, messages sent, drops, resyncs and fan-out lag. */
@ApplicationScoped
class LiveMetrics {

    private final AtomicInteger publicConnections = new AtomicInteger();
    private final AtomicInteger consoleConnections = new AtomicInteger();
    private Counter publicSent;
    private Counter consoleSent;
    private Counter publicDrops;
    private Counter consoleDrops;
    private Counter publicResyncs;
    private Counter consoleResyncs;
    private Timer lag;

    @Inject
    void register(MeterRegistry registry) {
        registry.gauge(
                "bonbu.live.connections",
                io.micrometer.core.instrument.Tags.of("endpoint", "public"),
                publicConnections);
        registry.gauge(
                "bonbu.live.connections",
                io.micrometer.core.instrument.Tags.of("endpoint", "console"),
                consoleConnections);
        publicSent = registry.counter("bonbu.live.messages.sent", "endpoint", "public");
        consoleSent = registry.counter("bonbu.live.messages.sent", "endpoint", "console");
        publicDrops = registry.counter("bonbu.live.drops", "endpoint", "public");
        consoleDrops = registry.counter("bonbu.live.drops", "endpoint", "console");
        publicResyncs = registry.counter("bonbu.live.resyncs", "endpoint", "public");
        consoleResyncs = registry.counter("bonbu.live.resyncs", "endpoint", "console");
        lag = Timer.builder("bonbu.live.fanout.lag")
                .description("From an entry's time to the last send of it on this replica")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    void opened(boolean staff) {
        (staff ? consoleConnections : publicConnections).incrementAndGet();
    }

    void closed(boolean staff) {
        (staff ? consoleConnections : publicConnections).decrementAndGet();
    }

    void sent(boolean staff) {
        (staff ? consoleSent : publicSent).increment();
    }

    void dropped(boolean staff) {
        (staff ? consoleDrops : publicDrops).increment();
    }

    void resync(boolean staff) {
        (staff ? consoleResyncs : publicResyncs).increment();
    }

    void lag(Duration d) {
        lag.record(d);
    }
}
