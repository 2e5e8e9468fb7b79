package bonbu.statuspage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Writes the complete public site as static files (both languages' pages, the Statuspage JSON,
 * the Atom feeds and the assets) so that any static web server or object store can serve it when
 * the service itself cannot. Page paths become {@code <path>/index.html}; each file is replaced
 * atomically, and only when its bytes changed.
 */
@ApplicationScoped
class StaticMirror {

    private static final Logger LOG = Logger.getLogger(StaticMirror.class);

    /** Tells this process's temporary files from other replicas' (containers all have pid 1). */
    private static final String WRITER = java.util.UUID.randomUUID().toString().substring(0, 8);

    /** The files of {@code status-page/} that the pages use, served under {@code /static/}. */
    static final List<String> ASSETS = List.of("status.css", "status.js", "live.js");

    @Inject
    StatusPageConfig config;

    /** What was last written, by file, so unchanged files are left alone and dropped ones removed. */
    private final Map<Path, Resource> written = new HashMap<>();

    private boolean assetsCopied;

    /** The mirror file of a site path: {@code /} → {@code index.html}, {@code /history} → {@code history/index.html}. */
    static String fileOf(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.isEmpty() || p.endsWith("/")) return p + "index.html";
        if (p.endsWith(".html") || p.endsWith(".json") || p.endsWith(".atom")) return p;
        return p + "/index.html";
    }

    synchronized void write(Site site) {
        Optional<Path> dir = config.mirrorDir();
        if (dir.isEmpty()) return;
        try {
            Path root = dir.get().toAbsolutePath();
            Files.createDirectories(root);
            if (!assetsCopied) {
                copyAssets(root);
                assetsCopied = true;
            }
            Map<Path, Resource> now = new HashMap<>();
            int changed = 0;
            for (Map.Entry<String, Resource> e : site.resources().entrySet()) {
                Path file = root.resolve(fileOf(e.getKey())).normalize();
                if (!file.startsWith(root)) continue;
                now.put(file, e.getValue());
                if (e.getValue().sameBytes(written.get(file)) && Files.exists(file)) continue;
                replace(file, e.getValue().body());
                changed++;
            }
            for (Path gone : written.keySet()) {
                if (!now.containsKey(gone)) Files.deleteIfExists(gone);
            }
            written.clear();
            written.putAll(now);
            LOG.debugf("Public mirror in %s: %d files changed", root, changed);
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("Could not write the public mirror to %s: %s", dir.get(), e.getMessage());
        }
    }

    private static void copyAssets(Path root) throws IOException {
        for (String asset : ASSETS) {
            try (InputStream in = StaticMirror.class.getResourceAsStream("/META-INF/resources/static/" + asset)) {
                if (in == null) throw new IOException("asset " + asset + " is missing from the build");
                replace(root.resolve("static").resolve(asset), in.readAllBytes());
            }
        }
    }

    private static void replace(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        // Several replicas may share one mirror directory: each writes its own temporary file.
        Path temp = file.resolveSibling("." + file.getFileName() + "." + WRITER + ".tmp");
        Files.write(temp, bytes);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
