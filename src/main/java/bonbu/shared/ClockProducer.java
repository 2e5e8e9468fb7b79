package bonbu.shared;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** The one source of "now", replaceable in tests. */
class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        // PostgreSQL keeps microseconds: a time read back must equal the time that was written.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
