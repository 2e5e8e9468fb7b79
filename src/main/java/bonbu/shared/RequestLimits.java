package bonbu.shared;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;

/**
 * Refuses bodies over 1 MiB with a problem answer before they are read. Bodies without a length
 * are cut off by the HTTP layer's own limit; its bare 413 gets the same problem answer.
 */
class RequestLimits {

    static final long MAX_BODY_BYTES = 1024 * 1024;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(RequestLimits::checkLength);
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                tooLarge(ctx);
            } else {
                ctx.next();
            }
        });
    }

    private static void checkLength(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > MAX_BODY_BYTES) {
                    tooLarge(ctx);
                    return;
                }
            } catch (NumberFormatException e) {
                // Let the HTTP layer refuse a malformed length.
            }
        }
        ctx.next();
    }

    private static void tooLarge(RoutingContext ctx) {
        ctx.response()
                .setStatusCode(413)
                .putHeader("Content-Type", ProblemMapper.PROBLEM_JSON)
                .putHeader("Connection", "close")
                .end(Json.encode(ProblemMapper.body(
                        413,
                        "Request too large",
                        "The request body is larger than 1 MiB. Send less at a time.",
                        null)));
    }
}
