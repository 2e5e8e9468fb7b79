package bonbu.maintenance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Maintenance settings. */
@ConfigMapping(prefix = "bonbu.maintenance")
interface MaintenanceConfig {

    /**
     * How often the scheduler starts and completes windows that are due, e.g. {@code 15s} or
     * {@code 1m}. The {@code @Scheduled} expression in {@link MaintenanceScheduler} reads this same
     * property (with the same default); a value that is not a duration stops the service at start.
     */
    @WithDefault("15s")
    Duration checkEvery();
}
