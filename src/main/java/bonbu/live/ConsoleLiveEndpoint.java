package bonbu.live;

import bonbu.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/** Live feed of every timeline entry, for signed-in staff from the service's own pages. */
@RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.COMMUNICATOR, Roles.COMMANDER, Roles.ADMIN})
@WebSocket(path = "/ws/console")
class ConsoleLiveEndpoint {

    @Inject
    LiveHub hub;

    @Inject
    SecurityIdentity identity;

    @OnOpen
    void open(WebSocketConnection connection) {
        hub.open(connection, true, identity.getPrincipal().getName());
    }

    @OnClose
    void close(WebSocketConnection connection) {
        hub.close(connection);
    }

    @OnPongMessage
    void pong(WebSocketConnection connection, Buffer data) {
        hub.pong(connection);
    }
}
