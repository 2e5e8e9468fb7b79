package bonbu.timeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * This replica's one {@code LISTEN} connection. On each notification (and every poll interval, in
 * case one was missed) it reads every entry after the last one it delivered, once, and hands them
 * to the rest of the replica in seq order. If the connection breaks (a database restart), it
 * reconnects with backoff and catches up by reading: NOTIFY has no replay, the table does.
 */
@ApplicationScoped
public class TimelineListener {

    private static final Logger LOG = Logger.getLogger(TimelineListener.class);
    private static final int BATCH = 1000;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    @Inject
    TimelineListenerConfig config;

    /** Quarkus' own datasource keys, which no application mapping may claim. */
    @Inject
    SmallRyeConfig quarkusConfig;

    @Inject
    Event<TimelineCommitted> committed;

    @Inject
    ObjectMapper json;

    private volatile long lastDelivered = -1;
    private volatile boolean running;
    private volatile boolean connected;
    private Thread thread;

    /** The application's own database, which the listener reaches with a connection of its own. */
    private record Database(String url, String username, String password) {
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }
    }

    void start(@Observes StartupEvent event) {
        running = true;
        Database database = new Database(
                quarkusConfig.getValue("quarkus.datasource.jdbc.url", String.class),
                quarkusConfig
                        .getOptionalValue("quarkus.datasource.username", String.class)
                        .orElse(""),
                quarkusConfig
                        .getOptionalValue("quarkus.datasource.password", String.class)
                        .orElse(""));
        thread = new Thread(() -> run(database), "timeline-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) thread.interrupt();
    }

    /** The highest seq this replica has delivered (-1 before the first read). */
    public long lastDelivered() {
        return lastDelivered;
    }

    /** Whether the listening connection is up. */
    public boolean connected() {
        return connected;
    }

    private void run(Database database) {
        long backoff = 100;
        while (running) {
            try (Connection c = database.connect()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN bonbu_timeline");
                }
                if (lastDelivered < 0) {
                    lastDelivered = lastSeq(c);
                }
                connected = true;
                backoff = 100;
                PGConnection pg = c.unwrap(PGConnection.class);
                deliverAfter(c); // catch up on anything committed while not listening
                while (running) {
                    pg.getNotifications(config.pollIntervalMs()); // wakes on a notification or after the interval
                    deliverAfter(c);
                }
            } catch (SQLException e) {
                if (!running) break;
                connected = false;
                LOG.warnf("Timeline listener lost the database (%s); retrying in %d ms", e.getMessage(), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, 1_000);
            } catch (RuntimeException e) {
                connected = false;
                LOG.error("Timeline listener failed; restarting it", e);
                sleep(backoff);
                backoff = Math.min(backoff * 2, 1_000);
            }
        }
        connected = false;
    }

    private void deliverAfter(Connection c) throws SQLException {
        while (true) {
            List<TimelineEvent> batch = read(c, lastDelivered);
            if (batch.isEmpty()) return;
            committed.fire(new TimelineCommitted(batch));
            lastDelivered = batch.get(batch.size() - 1).seq();
            if (batch.size() < BATCH) return;
        }
    }

    private List<TimelineEvent> read(Connection c, long after) throws SQLException {
        List<TimelineEvent> entries = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT seq, at, incident, actor, type, audience, data::text FROM timeline_entry"
                        + " WHERE seq > ? ORDER BY seq LIMIT " + BATCH)) {
            ps.setLong(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new TimelineEvent(
                            rs.getLong(1),
                            rs.getTimestamp(2).toInstant(),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            Audience.valueOf(rs.getString(6)),
                            parse(rs.getString(7))));
                }
            }
        }
        return entries;
    }

    private Map<String, Object> parse(String data) {
        try {
            return json.readValue(data, MAP);
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable timeline data", e);
        }
    }

    private static long lastSeq(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT last_seq FROM timeline_counter WHERE id = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
