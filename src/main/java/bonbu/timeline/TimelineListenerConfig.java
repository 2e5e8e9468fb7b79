package bonbu.timeline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the timeline listener follows the log. The key sits with the live settings ({@code
 * bonbu.live.*}), since it bounds how late a missed notification reaches live clients.
 */
@ConfigMapping(prefix = "bonbu.live")
interface TimelineListenerConfig {

    /** Read the log at least this often (milliseconds), in case a notification was missed. */
    @WithDefault("1000")
    int pollIntervalMs();
}
