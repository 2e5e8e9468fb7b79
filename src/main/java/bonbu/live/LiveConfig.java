package bonbu.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Live-update settings. */
@ConfigMapping(prefix = "bonbu.live")
interface LiveConfig {

    /** At most this many missed entries are replayed on reconnect; past it the client resyncs. */
    @WithDefault("1000")
    int maxReplay();

    /** Sends in flight (or held during a replay) per client before it is dropped as too slow. */
    @WithDefault("1000")
    int backlog();

    /** A client that has not answered a ping for this long is closed. */
    @WithDefault("60s")
    Duration deadAfter();
}
