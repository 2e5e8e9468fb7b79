package bonbu.incident.terms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Incident settings: how often an active incident must get a public update, per severity. */
@ConfigMapping(prefix = "bonbu.incident")
public interface IncidentConfig {

    /** Longest allowed gap between public updates, per severity. */
    UpdateCadence updateCadence();

    /** How often the cadence check runs. */
    @WithDefault("60s")
    String cadenceCheckEvery();

    /** Per-severity update cadence. */
    interface UpdateCadence {
        @WithDefault("30M")
        Duration sev1();

        @WithDefault("60M")
        Duration sev2();

        @WithDefault("120M")
        Duration sev3();

        @WithDefault("240M")
        Duration sev4();
    }

    default Duration updateCadence(Severity severity) {
        return switch (severity) {
            case SEV1 -> updateCadence().sev1();
            case SEV2 -> updateCadence().sev2();
            case SEV3 -> updateCadence().sev3();
            case SEV4 -> updateCadence().sev4();
        };
    }
}
