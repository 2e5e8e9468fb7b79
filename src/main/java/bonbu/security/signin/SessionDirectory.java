package bonbu.security.signin;

import bonbu.security.BreakGlassConfig;
import bonbu.security.CredentialHolder;
import bonbu.security.Roles;
import bonbu.security.Secrets;
import bonbu.security.SecurityConfig;
import bonbu.security.account.Credentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a session cookie to a person and their current roles, straight from PostgreSQL on
 * every request, so that sign-out, a disabled account or a changed role takes effect at once on
 * every replica.
 */
@ApplicationScoped
public class SessionDirectory {

    /** When and from where someone signed in. */
    public record SignInAt(Instant at, String origin) {}

    // Last-seen times are bookkeeping: written at most this often per session.
    private static final Duration TOUCH_EVERY = Duration.ofSeconds(30);

    @Inject
    Clock clock;

    @Inject
    SecurityConfig config;

    @Inject
    BreakGlassConfig breakGlass;

    @Inject
    Credentials credentials;

    /**
     * The holder of an open session, or empty once it has ended. It runs in a transaction of its
     * own (authentication happens outside, or lazily inside, the request's): a session found
     * expired stays ended and its last-seen time stays written whatever becomes of the request.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<CredentialHolder> resolve(String cookieValue) {
        String idHash = Secrets.sha256(cookieValue);
        Instant now = clock.instant();
        Optional<SignInSession> found = SignInSession.open(idHash);
        if (found.isEmpty()) return Optional.empty();
        SignInSession session = found.get();
        if (now.isAfter(session.createdAt.plus(config.session().absoluteTimeout()))) {
            return end(session, now, "expired");
        }
        if (now.isAfter(session.lastSeenAt.plus(config.session().idleTimeout()))) {
            return end(session, now, "idle");
        }
        Optional<Set<String>> roles;
        if (session.breakGlass) {
            roles = breakGlass.passwordHash().isPresent() ? Optional.of(Set.copyOf(Roles.ALL)) : Optional.empty();
        } else {
            roles = credentials.activeRoles(session.username);
        }
        if (roles.isEmpty()) {
            return end(session, now, session.breakGlass ? "break-glass account removed" : "account disabled");
        }
        if (now.isAfter(session.lastSeenAt.plus(TOUCH_EVERY))) {
            session.lastSeenAt = now;
        }
        return Optional.of(new CredentialHolder(session.username, roles.get(), session.breakGlass, idHash));
    }

    /** The newest sign-in of the break-glass account after {@code since}, if any. */
    @Transactional
    public Optional<SignInAt> lastBreakGlassSignIn(Instant since) {
        return SignInSession.lastBreakGlassAfter(since).map(s -> new SignInAt(s.createdAt, s.origin));
    }

    private static Optional<CredentialHolder> end(SignInSession session, Instant now, String reason) {
        session.end(now, reason);
        return Optional.empty();
    }
}
