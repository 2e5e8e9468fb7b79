package bonbu.shared.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;

/**
 * Health, metrics, OpenAPI and the static files are read-only: any other method (TRACE,
 * PROPFIND, POST …) is answered 405 with the methods they do serve, rather than answered as if it
 * were a GET. The REST resources and the public pages refuse methods they do not serve
 * themselves.
 */
class MethodLimits {

    static final String READ_ONLY = "GET, HEAD";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(MethodLimits::check);
    }

    private static void check(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || !readOnly(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        ProblemMapper.notAllowed(ctx, READ_ONLY);
    }

    private static boolean readOnly(String path) {
        return path != null && (path.equals("/q") || path.startsWith("/q/") || path.startsWith("/static/"));
    }
}
