package bonbu.shared.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;

/**
 * Refuses bodies over 1 MiB with a problem answer. A body that states its length is refused
 * before it is read. One sent without a length (chunked) is read here, up to the limit, before
 * the REST layer sees it: the REST layer would otherwise stream it into the JSON reader and, past
 * the limit, end the answer with a bare 413 in the middle of the request. Forms are cut off by the
 * HTTP layer's own form reader, whose bare 413 gets the same problem answer.
 */
class RequestLimits {

    static final long MAX_BODY_BYTES = 1024 * 1024;

    private static final BodyHandler UNSIZED_BODY = BodyHandler.create(false)
            .setBodyLimit(MAX_BODY_BYTES)
            .setMergeFormAttributes(false)
            .setPreallocateBodyBuffer(false);

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(RequestLimits::checkLength);
        router.route().order(Integer.MIN_VALUE + 2).handler(RequestLimits::readUnsizedBody);
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

    private static void readUnsizedBody(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.getHeader(HttpHeaders.CONTENT_LENGTH) == null && mayCarryBody(request) && !isForm(request)) {
            UNSIZED_BODY.handle(ctx);
        } else {
            ctx.next();
        }
    }

    /** A chunked HTTP/1.1 body, or an HTTP/2 request that may stream one without stating its length. */
    private static boolean mayCarryBody(HttpServerRequest request) {
        HttpMethod method = request.method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) return false;
        if (request.version() == HttpVersion.HTTP_2) return true;
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    private static boolean isForm(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null) return false;
        String t = type.toLowerCase(java.util.Locale.ROOT);
        return t.startsWith("application/x-www-form-urlencoded") || t.startsWith("multipart/");
    }

    private static void tooLarge(RoutingContext ctx) {
        ctx.response().putHeader("Connection", "close");
        ProblemMapper.answer(
                ctx, 413, "Request too large", "The request body is larger than 1 MiB. Send less at a time.");
    }
}
