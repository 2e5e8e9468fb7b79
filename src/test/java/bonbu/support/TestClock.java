package bonbu.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The service's clock in tests: the real time plus an offset that a test can move forward, so
 * scheduled behaviour is driven by time rather than by sleeping.
 */
public final class TestClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;

    /** Moves the service's "now" forward (never backward: other tests share it). */
    public static void advance(Duration by) {
        if (by.isNegative()) throw new IllegalArgumentException("time only moves forward");
        offset = offset.plus(by);
    }

    /** The service's "now". */
    public static Instant now() {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now();
    }

    /** Replaces the production clock in every {@code @QuarkusTest}. */
    @Alternative
    @Priority(1)
    static class Producer {
        @Produces
        @Singleton
        Clock clock() {
            return new TestClock();
        }
    }
}
