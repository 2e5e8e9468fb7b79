package bonbu.shared.web;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The address of the client whose request is being handled, as the audit records it ("from
 * where"). Behind a trusted proxy Quarkus resolves it from the forwarding headers.
 */
public final class RequestOrigin {

    private RequestOrigin() {}

    /** The client's address, or null outside an HTTP request (scheduler, listener, start-up). */
    public static String current() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) return null;
        CurrentVertxRequest request =
                container.instance(CurrentVertxRequest.class).get();
        RoutingContext context = request == null ? null : request.getCurrent();
        return context == null ? null : of(context);
    }

    public static String of(RoutingContext context) {
        SocketAddress address = context.request().remoteAddress();
        return address == null ? null : address.hostAddress();
    }
}
