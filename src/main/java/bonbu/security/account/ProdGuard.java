package bonbu.security.account;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Stops a production start while the demo accounts (with their published password) exist. */
class ProdGuard {

    @Inject
    AccountService accounts;

    void check(@Observes StartupEvent event) {
        if (!ConfigUtils.getProfiles().contains("prod")) {
            return;
        }
        long demo = accounts.demoAccounts();
        if (demo > 0) {
            throw new IllegalStateException("Refusing to start in the prod profile: this database holds " + demo
                    + " demo account(s) whose password is published (bonbu-demo). Use a database that was never"
                    + " started with the demo profile, or delete those accounts (staff_account.demo = true).");
        }
    }
}
