package bonbu.live;

import bonbu.security.SecurityFact;
import bonbu.security.account.AccountFact;
import bonbu.shared.GracefulStop;
import bonbu.shared.ShutdownBegan;
import bonbu.statuspage.PublicProjection;
import bonbu.statuspage.PublicProjection.PublicEntry;
import bonbu.timeline.Audience;
import bonbu.timeline.Timeline;
import bonbu.timeline.TimelineCommitted;
import bonbu.timeline.TimelineEvent;
import bonbu.timeline.TimelineListener;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * This replica's websocket clients and the fan-out to them. Each committed entry is serialised
 * once per audience, and the same string is sent to every client that may see it: staff get the
 * whole entry, the public get it as {@link PublicProjection} shows it, the same view the public
 * pages are built from.
 */
@ApplicationScoped
class LiveHub {

    private static final Logger LOG = Logger.getLogger(LiveHub.class);

    /**
     * Close code sent to every client when this replica stops (RFC 6455 "service restart"): the
     * client should reconnect at once, through the load balancer, to another replica.
     */
    static final int SERVICE_RESTART = 1012;

    @Inject
    Timeline timeline;

    @Inject
    TimelineListener listener;

    @Inject
    LiveConfig config;

    @Inject
    LiveMetrics metrics;

    @Inject
    PublicProjection projection;

    @Inject
    ObjectMapper json;

    @Inject
    GracefulStop stop;

    @Inject
    Clock clock;

    private final Map<String, LiveClient> clients = new ConcurrentHashMap<>();

    /**
     * A client connected, optionally with {@code ?since=<seq>}: replay exactly what it missed, or
     * tell it to resync if that is too much, then go live with no gap and no duplicate.
     */
    void open(WebSocketConnection connection, boolean staff) {
        open(connection, staff, null);
    }

    /** As {@link #open(WebSocketConnection, boolean)}, for a staff connection held by a signed-in person. */
    void open(WebSocketConnection connection, boolean staff, String holder) {
        Long since = since(connection.handshakeRequest().query());
        Audience only = staff ? null : Audience.PUBLIC;
        if (stop.stopping()) {
            // Opened just as the stop began, past the upgrade check: send it on.
            connection
                    .close(restartReason(since == null ? -1 : since))
                    .subscribe()
                    .with(ok -> {}, failure -> {});
            return;
        }
        metrics.opened(staff);
        if (since == null) {
            // Live only: from what this replica has delivered so far.
            LiveClient client = new LiveClient(
                    connection, staff, holder, listener.lastDelivered(), false, config.backlog(), metrics);
            clients.put(connection.id(), client);
            closeIfStopping(client);
            return;
        }
        LiveClient client = new LiveClient(connection, staff, holder, since, true, config.backlog(), metrics);
        clients.put(connection.id(), client); // live entries are held from now on
        List<TimelineEvent> missed = timeline.since(since, config.maxReplay() + 1, only);
        if (since < 0 || missed.size() > config.maxReplay() || since > timeline.lastSeq()) {
            long upTo = timeline.lastSeq();
            client.resync(resyncFrame(upTo), upTo);
        } else if (staff) {
            for (TimelineEvent e : missed) {
                client.replay(e.seq(), frame(e));
            }
        } else {
            for (PublicEntry e : projection.project(missed)) {
                client.replay(e.seq(), frame(e));
            }
        }
        client.live();
        closeIfStopping(client);
    }

    /** A client registered while the stop began may have been missed by the closing sweep. */
    private void closeIfStopping(LiveClient client) {
        if (stop.stopping() && clients.containsKey(client.connection.id())) {
            client.connection
                    .close(restartReason(client.lastSent()))
                    .subscribe()
                    .with(ok -> {}, failure -> {});
            close(client.connection);
        }
    }

    void close(WebSocketConnection connection) {
        LiveClient client = clients.remove(connection.id());
        if (client != null) metrics.closed(client.staff);
    }

    void pong(WebSocketConnection connection) {
        LiveClient client = clients.get(connection.id());
        if (client != null) client.lastPongNanos = System.nanoTime();
    }

    /** Fan-out: runs on the listener's thread, in seq order. */
    void onCommitted(@Observes TimelineCommitted committed) {
        Map<Long, String> publicFrames = new HashMap<>();
        for (PublicEntry e : projection.project(committed.entries())) {
            publicFrames.put(e.seq(), frame(e));
        }
        for (TimelineEvent e : committed.entries()) {
            String console = frame(e);
            String visible = publicFrames.get(e.seq());
            for (LiveClient client : clients.values()) {
                if (client.staff) {
                    client.offer(e.seq(), console);
                } else if (visible != null) {
                    client.offer(e.seq(), visible);
                }
            }
            metrics.lag(Duration.between(e.at(), clock.instant()));
            String ended = accessEndedFor(e);
            if (ended != null) closeStaffOf(ended);
        }
    }

    /**
     * Whose open console connections must prove their credentials again after this entry: someone
     * who signed out, was disabled or had their password reset; null for any other entry.
     */
    private static String accessEndedFor(TimelineEvent e) {
        if (e.fact(SecurityFact.class) instanceof SecurityFact.SignedOut out) return out.username();
        Object account = e.fact(AccountFact.class);
        if (account instanceof AccountFact.AccountDisabled disabled) return disabled.username();
        if (account instanceof AccountFact.PasswordReset reset) return reset.username();
        return null;
    }

    /**
     * Someone signed out, or was disabled, or had their password reset (on any replica): their
     * console connections here are closed. A browser still holding a valid session reconnects and
     * resumes with {@code since}; one that does not is refused at the upgrade.
     */
    private void closeStaffOf(String username) {
        for (LiveClient client : clients.values()) {
            if (client.staff && username.equals(client.holder)) {
                client.connection
                        .close(new CloseReason(CREDENTIALS_ENDED, "signed out or access changed; sign in again"))
                        .subscribe()
                        .with(ok -> {}, failure -> {});
                close(client.connection);
            }
        }
    }

    /** Close code for a console connection whose holder signed out or lost access. */
    static final int CREDENTIALS_ENDED = 4001;

    /**
     * The replica is stopping: tell every client to reconnect elsewhere, and where to resume from.
     * New upgrades are refused from now on ({@link StoppingUpgradeCheck}).
     */
    void onShutdownBegan(@Observes ShutdownBegan event) {
        int closed = 0;
        for (LiveClient client : clients.values()) {
            client.connection
                    .close(restartReason(client.lastSent()))
                    .subscribe()
                    .with(ok -> {}, failure -> {});
            close(client.connection);
            closed++;
        }
        LOG.infof(
                "Stopping: closed %d websocket connections with code %d so they reconnect elsewhere",
                closed, SERVICE_RESTART);
    }

    private static CloseReason restartReason(long lastSent) {
        return new CloseReason(
                SERVICE_RESTART, "server restarting; reconnect" + (lastSent < 0 ? "" : " with ?since=" + lastSent));
    }

    /** Closes clients that stopped answering pings. */
    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeDead() {
        long limit = config.deadAfter().toNanos();
        long now = System.nanoTime();
        for (LiveClient client : clients.values()) {
            if (now - client.lastPongNanos > limit) {
                client.connection
                        .close(new CloseReason(4000, "no answer to pings"))
                        .subscribe()
                        .with(ok -> {}, failure -> {});
                close(client.connection);
            }
        }
    }

    /** The staff message for one entry: the whole entry, with who made it and for whom. */
    record ConsoleMessage(
            long seq,
            String type,
            String at,
            @JsonInclude(JsonInclude.Include.NON_NULL) String incident,
            Audience audience,
            String actor,
            Map<String, Object> data) {}

    /** The public message for one entry, in the same envelope: what the public may see of it. */
    record PublicMessage(
            long seq,
            String type,
            String at,
            @JsonInclude(JsonInclude.Include.NON_NULL) String incident,
            PublicProjection.PublicData data) {}

    /** Tells a client it missed too much to replay and should reload the snapshot. */
    record ResyncMessage(long seq, String type, String at, Reason data) {
        record Reason(String reason) {}
    }

    private String frame(TimelineEvent e) {
        return write(new ConsoleMessage(
                e.seq(), e.type(), e.at().toString(), e.incident(), e.audience(), e.actor(), e.data()));
    }

    private String frame(PublicEntry e) {
        return write(new PublicMessage(e.seq(), e.type(), e.at().toString(), e.incident(), e.data()));
    }

    private String resyncFrame(long upTo) {
        return write(new ResyncMessage(
                upTo,
                "resync",
                clock.instant().toString(),
                new ResyncMessage.Reason("too much was missed; reload the snapshot")));
    }

    private String write(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code since} query parameter, or null; anything unparsable counts as -1 (resync). */
    static Long since(String query) {
        if (query == null) return null;
        for (String part : query.split("&")) {
            if (part.startsWith("since=")) {
                try {
                    return Long.parseLong(part.substring("since=".length()));
                } catch (NumberFormatException e) {
                    return -1L;
                }
            }
        }
        return null;
    }
}
