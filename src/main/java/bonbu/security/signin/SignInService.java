package bonbu.security.signin;

import bonbu.security.BreakGlassConfig;
import bonbu.security.Secrets;
import bonbu.security.SecurityConfig;
import bonbu.security.SecurityFact.BreakGlassUsed;
import bonbu.security.SecurityFact.SignInFailed;
import bonbu.security.SecurityFact.SignedIn;
import bonbu.security.SecurityFact.SignedOut;
import bonbu.security.account.Credentials;
import bonbu.security.account.CredentialsWithdrawn;
import bonbu.timeline.NewTimelineEntry;
import bonbu.timeline.Timeline;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Signs people in and out of the console, and checks the passwords API clients send with HTTP
 * Basic. Failed attempts, by either way, are counted per account and per address; past a
 * threshold each further failure doubles the wait before the next attempt. Every failure (and
 * every console sign-in) is a staff timeline entry with the address it came from.
 */
@ApplicationScoped
class SignInService {

    static final String ANONYMOUS = "anonymous";

    private static final String BREAK_GLASS_WARNING = "The break-glass account signed in. Every action it takes is"
            + " recorded under this name; find out who holds it and why.";

    /** What a sign-in attempt came to. */
    sealed interface Outcome {}

    record Started(String cookie, String username, boolean breakGlass) implements Outcome {}

    record Refused(int status, String message, long retryAfterSeconds) implements Outcome {}

    /** An HTTP Basic password that matched: the account's current roles, and the hash it matched. */
    record Checked(String username, Set<String> roles, String passwordHash) implements Outcome {}

    @Inject
    Timeline timeline;

    @Inject
    Clock clock;

    @Inject
    SecurityConfig config;

    @Inject
    BreakGlassConfig breakGlass;

    @Inject
    Credentials credentials;

    @Transactional
    public Outcome signIn(String username, String password, String origin, String userAgent, String previousCookie) {
        String name = normalise(username);
        Instant now = clock.instant();
        String accountKey = accountKey(name);
        String addressKey = addressKey(origin);
        Refused throttled = throttled(accountKey, addressKey, now);
        if (throttled != null) return throttled;
        boolean glass = breakGlass.passwordHash().isPresent() && name.equals(breakGlass.username());
        String failure = glass ? checkBreakGlass(password) : checkAccount(name, password);
        if (failure != null) {
            return failed(name, failure, "form", origin, userAgent, now);
        }
        forgetFailures(accountKey);
        if (previousCookie != null) {
            SignInSession.open(Secrets.sha256(previousCookie)).ifPresent(s -> s.end(now, "replaced at sign-in"));
        }
        String cookie = Secrets.random();
        String agent = userAgent == null ? null : clip(userAgent);
        SignInSession.start(Secrets.sha256(cookie), name, glass, now, origin, agent);
        SignedIn signedIn = new SignedIn(name, glass, agent);
        List<NewTimelineEntry> entries = glass
                ? List.of(
                        NewTimelineEntry.staff(signedIn),
                        NewTimelineEntry.staff(new BreakGlassUsed(name, BREAK_GLASS_WARNING)))
                : List.of(NewTimelineEntry.staff(signedIn));
        timeline.append(name, origin, entries);
        return new Started(cookie, name, glass);
    }

    /**
     * Checks a username and password sent with HTTP Basic, with the same throttle and the same
     * audit of failures as the form; it starts no session and records no success (every API call
     * carries them). {@code rememberedHash} is the stored hash these credentials matched before,
     * if any: while the account still has exactly that hash, bcrypt is skipped. Whether the
     * account is enabled and what roles it has are read afresh every time, so disabling it,
     * changing its roles or resetting its password takes effect on the next request, on every
     * replica.
     */
    @Transactional
    public Outcome checkBasic(
            String username, String password, String origin, String userAgent, String rememberedHash) {
        String name = normalise(username);
        Instant now = clock.instant();
        String accountKey = accountKey(name);
        Refused throttled = throttled(accountKey, addressKey(origin), now);
        if (throttled != null) return throttled;
        if (rememberedHash != null) {
            Optional<Set<String>> roles = credentials.stillMatching(name, rememberedHash);
            if (roles.isPresent()) return new Checked(name, roles.get(), rememberedHash);
        }
        Credentials.Verdict verdict = credentials.verify(name, password);
        if (verdict.failure() != null) {
            return failed(name, verdict.failure(), "basic", origin, userAgent, now);
        }
        forgetFailures(accountKey);
        return new Checked(name, verdict.roles(), verdict.passwordHash());
    }

    /** Ends the session a cookie stands for; false if it had already ended. */
    @Transactional
    public boolean signOut(String cookie, String origin) {
        Instant now = clock.instant();
        Optional<SignInSession> session = SignInSession.openForUpdate(Secrets.sha256(cookie));
        if (session.isEmpty()) return false;
        String username = session.get().username;
        session.get().end(now, "signed out");
        timeline.append(username, origin, List.of(NewTimelineEntry.staff(new SignedOut(username))));
        return true;
    }

    /** An account was disabled or its password reset: its sessions end in the same transaction. */
    void endSessions(@Observes CredentialsWithdrawn withdrawn) {
        SignInSession.endAllOf(withdrawn.username(), clock.instant(), withdrawn.reason());
    }

    /** Null if the password is right; otherwise what was wrong (for the audit, never shown). */
    private String checkAccount(String name, String password) {
        return credentials.verify(name, password).failure();
    }

    private String checkBreakGlass(String password) {
        try {
            return password != null
                            && BcryptUtil.matches(
                                    password, breakGlass.passwordHash().get())
                    ? null
                    : "wrong password";
        } catch (RuntimeException e) {
            return "break-glass hash is not a bcrypt hash";
        }
    }

    /**
     * The account name as typed, trimmed and in lower case. PostgreSQL refuses NUL in text, so a
     * NUL (which no account name has) is replaced: such a name is an unknown account, recorded.
     */
    private static String normalise(String username) {
        return username == null
                ? ""
                : username.replace('\u0000', '\uFFFD').trim().toLowerCase(Locale.ROOT);
    }

    private static String accountKey(String name) {
        return "account:" + name;
    }

    private static String addressKey(String origin) {
        return "address:" + (origin == null ? "unknown" : origin);
    }

    /** A 429 while the account or the address must wait; null if an attempt may be checked. */
    private Refused throttled(String accountKey, String addressKey, Instant now) {
        long wait = Math.max(waitSeconds(accountKey, now), waitSeconds(addressKey, now));
        if (wait <= 0) return null;
        return new Refused(429, "Too many failed sign-ins. Wait " + wait + " seconds, then try again.", wait);
    }

    /** Counts a failed attempt for the account and the address, and records it on the staff timeline. */
    private Refused failed(String name, String failure, String via, String origin, String userAgent, Instant now) {
        String accountKey = accountKey(name);
        String addressKey = addressKey(origin);
        int accountFailures = recordFailure(accountKey, now, config.throttle().accountFailures());
        int addressFailures = recordFailure(addressKey, now, config.throttle().addressFailures());
        // At most the throttle's longest delay (15 minutes by default), so it fits the stored int.
        long next = Math.max(waitSeconds(accountKey, now), waitSeconds(addressKey, now));
        SignInFailed fact = new SignInFailed(
                name,
                failure,
                via,
                accountFailures,
                addressFailures,
                (int) next,
                userAgent == null ? null : clip(userAgent));
        timeline.append(ANONYMOUS, origin, List.of(NewTimelineEntry.staff(fact)));
        String message = "Wrong username or password."
                + (next > 0 ? " Too many failed sign-ins: wait " + next + " seconds before trying again." : "");
        return new Refused(401, message, next);
    }

    private void forgetFailures(String accountKey) {
        SignInThrottle.forget(accountKey);
    }

    private long waitSeconds(String key, Instant now) {
        Optional<Instant> blocked = SignInThrottle.blockedUntil(key);
        if (blocked.isEmpty() || blocked.get() == null) return 0;
        long millis = Duration.between(now, blocked.get()).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }

    /** Counts a failure; returns the failures now counted for the key. */
    private int recordFailure(String key, Instant now, int free) {
        SecurityConfig.Throttle throttle = config.throttle();
        SignInThrottle counter = SignInThrottle.countFailure(key, now, now.minus(throttle.forgetAfter()));
        Instant blockedUntil = null;
        if (counter.failures >= free) {
            int doublings = Math.min(counter.failures - free, 30);
            Duration delay = throttle.firstDelay().multipliedBy(1L << doublings);
            if (delay.compareTo(throttle.maxDelay()) > 0) delay = throttle.maxDelay();
            blockedUntil = now.plus(delay);
        }
        counter.blockedUntil = blockedUntil;
        return counter.failures;
    }

    private static String clip(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200);
    }
}
