package bonbu;

import bonbu.component.Catalog;
import bonbu.component.CatalogService;
import bonbu.component.CreateComponentRequest;
import bonbu.component.DependencyKind;
import bonbu.security.Roles;
import bonbu.security.account.AccountService;
import bonbu.timeline.Timeline;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Loads the demo accounts and the November 2023 catalog into an empty database, through the same
 * service methods (and timeline) as any other change. Off unless the profile turns it on; the
 * {@code prod} profile never does.
 */
class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final String PASSWORD = "bonbu-demo";

    @ConfigMapping(prefix = "bonbu.demo")
    interface Config {
        /** Create the demo accounts when they are missing. */
        @WithDefault("false")
        boolean accounts();

        /** Load the demo catalog when the catalog is empty. */
        @WithDefault("false")
        boolean catalog();
    }

    record Dependency(String downstream, String upstream, DependencyKind kind) {}

    record DemoCatalog(List<CreateComponentRequest> components, List<Dependency> dependencies) {}

    @Inject
    Config config;

    @Inject
    AccountService accounts;

    @Inject
    CatalogService catalogService;

    @Inject
    Catalog catalog;

    @Inject
    ObjectMapper json;

    void load(@Observes StartupEvent event) {
        if (config.accounts()) {
            account("admin", "Demo administrator", Roles.ADMIN);
            account("commander", "Demo incident commander", Roles.COMMANDER);
            account("responder", "Demo responder", Roles.RESPONDER);
            account("comms", "Demo communications lead", Roles.COMMUNICATOR);
            account("viewer", "Demo ministry reviewer", Roles.VIEWER);
        }
        if (config.catalog() && catalog.all().isEmpty()) {
            DemoCatalog demo = read();
            for (CreateComponentRequest c : demo.components()) {
                catalogService.create(c, Timeline.SYSTEM_ACTOR);
            }
            for (Dependency d : demo.dependencies()) {
                catalogService.setDependency(d.downstream(), d.upstream(), d.kind(), Timeline.SYSTEM_ACTOR);
            }
            LOG.infof(
                    "Loaded the demo catalog: %d components", demo.components().size());
        }
    }

    private void account(String username, String displayName, String role) {
        if (!accounts.exists(username)) {
            accounts.create(username, displayName, PASSWORD, Set.of(role), true, Timeline.SYSTEM_ACTOR);
        }
    }

    private DemoCatalog read() {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/catalog.json")) {
            return json.readValue(in, DemoCatalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The demo catalog (demo/catalog.json) cannot be read", e);
        }
    }
}
