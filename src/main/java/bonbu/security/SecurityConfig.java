package bonbu.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Sign-in, sessions and the throttling of failed attempts. */
@ConfigMapping(prefix = "bonbu.security")
public interface SecurityConfig {

    /** HTTP Basic on the API: for the demo and tests only; the prod profile leaves it off. */
    @WithDefault("false")
    boolean basicEnabled();

    /**
     * Whether {@code /q/metrics} answers without credentials. Off: it tells request counts per
     * endpoint (staff activity) and the JVM's version, so scrapers send a staff API token.
     */
    @WithDefault("false")
    boolean metricsPublic();

    Session session();

    Throttle throttle();

    interface Session {
        /** A console session ends after this long without a request. */
        @WithDefault("30M")
        Duration idleTimeout();

        /** A console session ends this long after sign-in, however busy. */
        @WithDefault("12H")
        Duration absoluteTimeout();
    }

    interface Throttle {
        /** Failures of one account before each further one makes the next attempt wait. */
        @WithDefault("5")
        int accountFailures();

        /** Failures from one address (offices share addresses behind NAT, so more). */
        @WithDefault("20")
        int addressFailures();

        /** The first wait; each further failure doubles it. */
        @WithDefault("2S")
        Duration firstDelay();

        @WithDefault("15M")
        Duration maxDelay();

        /** Failures older than this are forgotten. */
        @WithDefault("1H")
        Duration forgetAfter();
    }
}
