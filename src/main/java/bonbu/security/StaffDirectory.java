package bonbu.security;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a session cookie or an API token to a person and their current roles, straight from
 * PostgreSQL on every request, so that sign-out, revocation, a disabled account or a changed
 * role takes effect at once on every replica.
 */
@ApplicationScoped
class StaffDirectory {

    /** Someone a credential stands for: their name, current roles and how they signed in. */
    record Holder(String username, Set<String> roles, boolean breakGlass, String sessionHash) {}

    // Last-seen and last-used times are bookkeeping: written at most this often per credential.
    private static final Duration TOUCH_EVERY = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    SecurityConfig config;

    @Inject
    BreakGlassConfig breakGlass;

    Optional<Holder> session(String cookieValue) {
        String idHash = Secrets.sha256(cookieValue);
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            String username;
            boolean glass;
            Instant created;
            Instant lastSeen;
            try (PreparedStatement ps = c.prepareStatement("SELECT username, break_glass, created_at, last_seen_at"
                    + " FROM staff_session WHERE id_hash = ? AND ended_at IS NULL")) {
                ps.setString(1, idHash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    username = rs.getString(1);
                    glass = rs.getBoolean(2);
                    created = rs.getTimestamp(3).toInstant();
                    lastSeen = rs.getTimestamp(4).toInstant();
                }
            }
            if (now.isAfter(created.plus(config.session().absoluteTimeout()))) {
                return end(c, idHash, now, "expired");
            }
            if (now.isAfter(lastSeen.plus(config.session().idleTimeout()))) {
                return end(c, idHash, now, "idle");
            }
            Optional<Set<String>> roles;
            if (glass) {
                roles = breakGlass.passwordHash().isPresent() ? Optional.of(Set.copyOf(Roles.ALL)) : Optional.empty();
            } else {
                roles = roles(c, username);
            }
            if (roles.isEmpty()) {
                return end(c, idHash, now, glass ? "break-glass account removed" : "account disabled");
            }
            if (now.isAfter(lastSeen.plus(TOUCH_EVERY))) {
                try (PreparedStatement ps =
                        c.prepareStatement("UPDATE staff_session SET last_seen_at = ? WHERE id_hash = ?")) {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setString(2, idHash);
                    ps.executeUpdate();
                }
            }
            return Optional.of(new Holder(username, roles.get(), glass, idHash));
        } catch (SQLException e) {
            throw new IllegalStateException("Sign-in could not reach the database", e);
        }
    }

    Optional<Holder> token(String token) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            long id;
            String username;
            Timestamp lastUsed;
            try (PreparedStatement ps = c.prepareStatement("SELECT t.id, a.username, t.last_used_at FROM api_token t"
                    + " JOIN staff_account a ON a.id = t.account_id WHERE t.token_hash = ? AND t.revoked_at IS NULL"
                    + " AND a.disabled_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?)")) {
                ps.setString(1, Secrets.sha256(token));
                ps.setTimestamp(2, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    id = rs.getLong(1);
                    username = rs.getString(2);
                    lastUsed = rs.getTimestamp(3);
                }
            }
            Optional<Set<String>> roles = roles(c, username);
            if (roles.isEmpty()) return Optional.empty();
            if (lastUsed == null || now.isAfter(lastUsed.toInstant().plus(TOUCH_EVERY))) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE api_token SET last_used_at = ? WHERE id = ?")) {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
            }
            return Optional.of(new Holder(username, roles.get(), false, null));
        } catch (SQLException e) {
            throw new IllegalStateException("Sign-in could not reach the database", e);
        }
    }

    /** The roles of an active account; empty if it does not exist or is disabled. */
    private static Optional<Set<String>> roles(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT r.role FROM staff_account a LEFT JOIN"
                + " staff_account_role r ON r.account_id = a.id WHERE a.username = ? AND a.disabled_at IS NULL")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                Set<String> roles = new HashSet<>();
                do {
                    if (rs.getString(1) != null) roles.add(rs.getString(1));
                } while (rs.next());
                return Optional.of(Set.copyOf(roles));
            }
        }
    }

    /** A timestamptz as a native query returns it, whichever Java type the driver chose. */
    static Instant instant(Object value) {
        if (value instanceof Instant i) return i;
        if (value instanceof java.time.OffsetDateTime o) return o.toInstant();
        if (value instanceof Timestamp t) return t.toInstant();
        throw new IllegalArgumentException("not a time: " + value);
    }

    private static Optional<Holder> end(Connection c, String idHash, Instant now, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE staff_session SET ended_at = ?, ended_reason = ?"
                + " WHERE id_hash = ? AND ended_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, reason);
            ps.setString(3, idHash);
            ps.executeUpdate();
        }
        return Optional.empty();
    }
}
