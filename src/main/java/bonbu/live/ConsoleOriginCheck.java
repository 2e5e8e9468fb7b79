package bonbu.live;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

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
        String host = context.httpRequest().getHeader("Host");
        try {
            URI uri = URI.create(origin);
            String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            if (host != null && host.equalsIgnoreCase(originHost)) {
                return CheckResult.permitUpgrade();
            }
        } catch (IllegalArgumentException e) {
            // malformed Origin: refused below
        }
        return CheckResult.rejectUpgrade(403);
    }
}
