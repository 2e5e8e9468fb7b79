package bonbu.security;

import bonbu.shared.web.ProblemMapper;
import bonbu.shared.web.SignInRefusal;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * {@code /q/metrics} tells request counts per endpoint (which is staff activity) and the JVM's
 * version, so it answers only a staff session, an API token or (where enabled) HTTP Basic,
 * unless {@code bonbu.security.metrics-public} opens it. Health ({@code /q/health/**}) stays
 * open: probes and load balancers read it without credentials.
 */
class MetricsGuard {

    private static final Logger LOG = Logger.getLogger(MetricsGuard.class);
    static final String METRICS_PATH = "/q/metrics";
    // After Quarkus has set up the request's (deferred) identity, before any route answers.
    private static final int ORDER = -50;

    @Inject
    SecurityConfig config;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        if (config.metricsPublic() || !isMetrics(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        Uni<SecurityIdentity> deferred = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (deferred == null) {
            // Closed rather than open if the authentication step did not run first.
            LOG.warn("No identity was set up for a metrics request; refusing it");
            refuse(ctx);
            return;
        }
        deferred.subscribe()
                .with(
                        identity -> {
                            if (isStaff(identity)) {
                                ctx.next();
                            } else if (identity == null || identity.isAnonymous()) {
                                refuse(ctx);
                            } else {
                                ProblemMapper.answer(
                                        ctx,
                                        403,
                                        "Forbidden",
                                        "Your account has no staff role; metrics are for staff.");
                            }
                        },
                        failure -> {
                            LOG.debugf("Metrics request not authenticated: %s", failure.getMessage());
                            refuse(ctx);
                        });
    }

    /** "/q/metrics" however it is spelled ("/q//metrics/", "/q/./metrics", "/q/metrics/json"). */
    static boolean isMetrics(String path) {
        String p = path == null ? "" : path.replaceAll("/{2,}", "/");
        return p.equals(METRICS_PATH) || p.startsWith(METRICS_PATH + "/");
    }

    private static boolean isStaff(SecurityIdentity identity) {
        return identity != null && !identity.isAnonymous() && Roles.ALL.stream().anyMatch(identity::hasRole);
    }

    private void refuse(RoutingContext ctx) {
        SignInRefusal refusal = SignInRefusal.of(ctx);
        if (refusal != null && refusal.status() == 429) {
            ctx.response().putHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
            ProblemMapper.answer(ctx, 429, refusal.tooManyRequestsBody());
            return;
        }
        ctx.response().putHeader("WWW-Authenticate", ProblemMapper.challenge(config.basicEnabled()));
        if (refusal != null && refusal.retryAfterSeconds() > 0) {
            ctx.response().putHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
        }
        ProblemMapper.answer(
                ctx,
                401,
                "Unauthorized",
                "Metrics are for staff: send an API token (Authorization: Bearer …)"
                        + (config.basicEnabled() ? ", HTTP Basic" : "")
                        + " or a console session. Create a token with POST /api/tokens.");
    }
}
