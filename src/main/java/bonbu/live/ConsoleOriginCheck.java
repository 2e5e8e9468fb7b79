package bonbu.live;

import bonbu.security.Origins;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses a console websocket opened from another site's page (cross-site websocket hijacking):
 * a browser always sends {@code Origin}, and it must be this service's own. Clients that are not
 * browsers send none and still need valid credentials.
 */
@ApplicationScoped
class ConsoleOriginCheck implements HttpUpgradeCheck {

    @Override
    public boolean appliesTo(String endpointId) {
        return endpointId.equals(ConsoleLiveEndpoint.class.getName());
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String origin = context.httpRequest().getHeader("Origin");
        if (origin == null) {
            return CheckResult.permitUpgrade();
        }
        if (Origins.sameSite(origin, context.httpRequest().getHeader("Host"))) {
            return CheckResult.permitUpgrade();
        }
        return CheckResult.rejectUpgrade(403);
    }
}
