package bonbu.live;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One websocket client: what it has been sent, what is held back while its missed entries are
 * replayed, and how many sends are still in flight. All sends to it happen under its lock, so they
 * go out in seq order.
 */
final class LiveClient {

    /** Close code for a client that fell too far behind; it should resume with {@code since}. */
    static final int TOO_SLOW = 4008;

    private record Held(long seq, String frame) {}

    final WebSocketConnection connection;
    final boolean staff;
    /** The signed-in person on a staff connection; null on a public one. */
    final String holder;

    private final int backlog;
    private final LiveMetrics metrics;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private long lastSent;
    private boolean replaying;
    private boolean dropped;
    volatile long lastPongNanos = System.nanoTime();

    LiveClient(
            WebSocketConnection connection,
            boolean staff,
            String holder,
            long lastSent,
            boolean replaying,
            int backlog,
            LiveMetrics metrics) {
        this.connection = connection;
        this.staff = staff;
        this.holder = holder;
        this.lastSent = lastSent;
        this.replaying = replaying;
        this.backlog = backlog;
        this.metrics = metrics;
    }

    /** A live entry: sent now, or held while the replay is still going. */
    synchronized void offer(long seq, String frame) {
        if (dropped || seq <= lastSent) return;
        if (replaying) {
            held.add(new Held(seq, frame));
            if (held.size() > backlog) drop();
            return;
        }
        send(seq, frame);
    }

    /** A replayed entry, sent before anything held. */
    synchronized void replay(long seq, String frame) {
        if (dropped || seq <= lastSent) return;
        send(seq, frame);
    }

    /** The client missed too much: tell it to reload, and carry on live from {@code upTo}. */
    synchronized void resync(String frame, long upTo) {
        if (dropped) return;
        connection.sendText(frame).subscribe().with(ok -> {}, failure -> {});
        lastSent = Math.max(lastSent, upTo);
        metrics.resync(staff);
    }

    /** The replay is done: send what was held (what was not already replayed) and go live. */
    synchronized void live() {
        replaying = false;
        while (!held.isEmpty() && !dropped) {
            Held h = held.poll();
            if (h.seq() > lastSent) send(h.seq(), h.frame());
        }
        held.clear();
    }

    synchronized long lastSent() {
        return lastSent;
    }

    private void send(long seq, String frame) {
        if (inFlight.get() >= backlog) {
            drop();
            return;
        }
        inFlight.incrementAndGet();
        lastSent = seq;
        connection
                .sendText(frame)
                .subscribe()
                .with(ok -> inFlight.decrementAndGet(), failure -> inFlight.decrementAndGet());
        metrics.sent(staff);
    }

    private void drop() {
        if (dropped) return;
        dropped = true;
        held.clear();
        metrics.dropped(staff);
        connection
                .close(new CloseReason(TOO_SLOW, "too far behind; reconnect with ?since=" + lastSent))
                .subscribe()
                .with(ok -> {}, failure -> {});
    }
}
