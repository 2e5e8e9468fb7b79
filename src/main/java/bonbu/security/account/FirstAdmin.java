package bonbu.security.account;

import bonbu.security.Roles;
import bonbu.timeline.Timeline;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Creates the first administrator of an empty production database from
 * {@code BONBU_ADMIN_USERNAME} and {@code BONBU_ADMIN_PASSWORD}. Once any account exists the
 * variables are ignored, so they can be removed after the first start.
 */
class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    @ConfigMapping(prefix = "bonbu.admin")
    interface Config {
        Optional<String> username();

        Optional<String> password();
    }

    @Inject
    Config config;

    @Inject
    AccountService accounts;

    void create(@Observes StartupEvent event) {
        if (accounts.count() > 0) {
            return;
        }
        if (config.username().isEmpty() || config.password().isEmpty()) {
            if (!ConfigUtils.getProfiles().contains("prod")) {
                return; // demo and test profiles create their own accounts
            }
            LOG.warn("There are no staff accounts. Set BONBU_ADMIN_USERNAME and BONBU_ADMIN_PASSWORD and restart to"
                    + " create the first administrator.");
            return;
        }
        String password = config.password().get();
        if (!PasswordRule.acceptable(password)) {
            throw new IllegalStateException("BONBU_ADMIN_PASSWORD is refused. " + PasswordRule.RULE);
        }
        String username = config.username().get();
        try {
            accounts.create(username, "Administrator", password, Set.of(Roles.ADMIN), false, Timeline.SYSTEM_ACTOR);
            LOG.infof("Created the first administrator account '%s'.", username);
        } catch (RuntimeException e) {
            // Replicas started together on an empty database race to create it; one wins.
            if (!accounts.exists(username)) throw e;
            LOG.infof("Another replica created the first administrator account '%s'.", username);
        }
    }
}
