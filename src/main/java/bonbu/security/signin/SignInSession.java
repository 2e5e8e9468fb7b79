package bonbu.security.signin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A console session, stored under the SHA-256 of its cookie; ended, never deleted. */
@Entity
@Table(name = "staff_session")
class SignInSession extends PanacheEntityBase {

    @Id
    @Column(name = "id_hash")
    String idHash;

    @Column(nullable = false)
    String username;

    @Column(name = "break_glass", nullable = false)
    boolean breakGlass;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    Instant lastSeenAt;

    String origin;

    @Column(name = "user_agent")
    String userAgent;

    @Column(name = "ended_at")
    Instant endedAt;

    @Column(name = "ended_reason")
    String endedReason;

    static SignInSession start(
            String idHash, String username, boolean breakGlass, Instant at, String origin, String userAgent) {
        SignInSession session = new SignInSession();
        session.idHash = idHash;
        session.username = username;
        session.breakGlass = breakGlass;
        session.createdAt = at;
        session.lastSeenAt = at;
        session.origin = origin;
        session.userAgent = userAgent;
        session.persist();
        return session;
    }

    void end(Instant at, String reason) {
        endedAt = at;
        endedReason = reason;
    }

    /**
     * The open session a cookie's hash stands for, locked until the transaction ends: a second
     * sign-out of the same session waits, then finds it ended.
     */
    static Optional<SignInSession> openForUpdate(String idHash) {
        return find("idHash = ?1 and endedAt is null", idHash)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    static Optional<SignInSession> open(String idHash) {
        return find("idHash = ?1 and endedAt is null", idHash).firstResultOptional();
    }

    /** Ends every open session of an account. */
    static void endAllOf(String username, Instant at, String reason) {
        update("endedAt = ?1, endedReason = ?2 where username = ?3 and endedAt is null", at, reason, username);
    }

    /** The newest break-glass sign-in after {@code since}, ended or not. */
    static Optional<SignInSession> lastBreakGlassAfter(Instant since) {
        return find("breakGlass = true and createdAt > ?1 order by createdAt desc", since)
                .firstResultOptional();
    }
}
