package bonbu.live;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;

/** Anonymous live feed of public timeline entries. */
@WebSocket(path = "/ws/public")
class PublicLiveEndpoint {

    @Inject
    LiveHub hub;

    @OnOpen
    void open(WebSocketConnection connection) {
        hub.open(connection, false);
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
