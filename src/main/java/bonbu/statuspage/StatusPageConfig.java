package bonbu.statuspage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Public status page settings. */
@ConfigMapping(prefix = "bonbu.statuspage")
public interface StatusPageConfig {

    /** The page's name in Korean. */
    @WithDefault("정부 디지털 서비스 상태")
    String nameKo();

    /** The page's name in English. */
    @WithDefault("Government digital services status")
    String nameEn();

    /**
     * Where citizens reach the page, without a trailing slash: used for absolute links in the Atom
     * feed and the {@code shortlink}s and {@code page.url} of the Statuspage JSON.
     */
    @WithDefault("http://127.0.0.1:8080")
    String publicUrl();

    /**
     * How often the snapshot is reloaded even without a public change: it notices a database
     * outage (and marks the page stale), a new day for the history bars, and anything missed.
     */
    @WithDefault("30s")
    Duration refreshEvery();

    /** The least time between two rebuilds of the snapshot: a burst of changes shares rebuilds. */
    @WithDefault("300ms")
    Duration minInterval();

    /** Incidents per page of {@code /history}. */
    @WithDefault("20")
    int historyPageSize();

    /** {@code max-age} of public responses: short, since the page changes when things break. */
    @WithDefault("5s")
    Duration maxAge();

    /** {@code stale-while-revalidate} of public responses. */
    @WithDefault("30s")
    Duration staleWhileRevalidate();

    /**
     * A directory to which the complete public site is written as static files on every public
     * change: the fallback when the service itself is unreachable. Off when not set.
     */
    Optional<Path> mirrorDir();
}
