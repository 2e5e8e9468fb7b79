package bonbu.review.record;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Post-incident review settings. */
@ConfigMapping(prefix = "bonbu.review")
interface ReviewConfig {

    /** Recovery-time targets by tier: how long a component of that tier may stay non-operational. */
    RecoveryTargets recoveryTarget();

    interface RecoveryTargets {
        @WithDefault("2H")
        Duration tier1();

        @WithDefault("4H")
        Duration tier2();

        @WithDefault("8H")
        Duration tier3();

        @WithDefault("24H")
        Duration tier4();

        default Duration of(int tier) {
            return switch (tier) {
                case 1 -> tier1();
                case 2 -> tier2();
                case 3 -> tier3();
                default -> tier4();
            };
        }
    }
}
