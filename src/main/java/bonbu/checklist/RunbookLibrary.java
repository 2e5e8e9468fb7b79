package bonbu.checklist;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The runbooks in {@code bonbu.runbooks.dir}, loaded and validated at start-up: a broken file stops
 * the service with its file, line and problem, rather than failing someone in the middle of an
 * outage.
 */
@ApplicationScoped
class RunbookLibrary {

    private static final Logger LOG = Logger.getLogger(RunbookLibrary.class);

    @Inject
    RunbookConfig config;

    private volatile Map<String, Runbook> runbooks = Map.of();

    void load(@Observes StartupEvent event) {
        reload();
    }

    /** Reads the folder again (start-up, and tests that change a file). */
    void reload() {
        runbooks = loadAll(config.dir());
        LOG.infof("Loaded %d runbooks from %s", runbooks.size(), config.dir().toAbsolutePath());
    }

    /** Every runbook file ({@code *.yaml}) of a folder, by id; throws on the first problem. */
    static Map<String, Runbook> loadAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.warnf("No runbook folder at %s: no runbooks to suggest", dir.toAbsolutePath());
            return Map.of();
        }
        Map<String, Runbook> loaded = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(
                            p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            String name = dir.getFileName() + "/" + file.getFileName();
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new RunbookException(name, 1, "cannot be read: " + e.getMessage());
            }
            Runbook r = RunbookParser.parse(name, text);
            Runbook before = loaded.putIfAbsent(r.id(), r);
            if (before != null) {
                throw new RunbookException(name, 1, "id '" + r.id() + "' is already used by " + before.file());
            }
        }
        return Map.copyOf(loaded);
    }

    public List<Runbook> all() {
        return runbooks.values().stream()
                .sorted(java.util.Comparator.comparing(Runbook::id))
                .toList();
    }

    public Optional<Runbook> get(String id) {
        return Optional.ofNullable(runbooks.get(id));
    }
}
