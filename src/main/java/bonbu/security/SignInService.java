package bonbu.security;

import bonbu.timeline.NewTimelineEntry;
import bonbu.timeline.Timeline;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    // Compared against when the account is unknown, so that answers take the same time either way.
    private static final String UNKNOWN_ACCOUNT_HASH = BcryptUtil.bcryptHash("no such account");

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
        EntityManager em = Panache.getEntityManager();
        forgetFailures(accountKey);
        if (previousCookie != null) {
            end(Secrets.sha256(previousCookie), now, "replaced at sign-in");
        }
        String cookie = Secrets.random();
        em.createNativeQuery("INSERT INTO staff_session (id_hash, username, break_glass, created_at, last_seen_at,"
                        + " origin, user_agent) VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6)")
                .setParameter(1, Secrets.sha256(cookie))
                .setParameter(2, name)
                .setParameter(3, glass)
                .setParameter(4, now)
                .setParameter(5, origin)
                .setParameter(6, userAgent == null ? null : clip(userAgent))
                .executeUpdate();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("username", name);
        data.put("breakGlass", glass);
        if (userAgent != null) data.put("userAgent", clip(userAgent));
        List<NewTimelineEntry> entries = glass
                ? List.of(
                        NewTimelineEntry.staff("security.signed_in", data),
                        NewTimelineEntry.staff(
                                "security.break_glass_used",
                                Map.of(
                                        "username",
                                        name,
                                        "message",
                                        "The break-glass account signed in. Every action it takes is recorded under"
                                                + " this name; find out who holds it and why.")))
                : List.of(NewTimelineEntry.staff("security.signed_in", data));
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
        Optional<StaffAccount> account = StaffAccount.findByUsername(name);
        if (rememberedHash != null
                && account.isPresent()
                && rememberedHash.equals(account.get().passwordHash)
                && account.get().disabledAt == null
                && !account.get().roles.isEmpty()) {
            return new Checked(name, Set.copyOf(account.get().roles), rememberedHash);
        }
        String failure = checkAccount(name, password);
        if (failure != null) {
            return failed(name, failure, "basic", origin, userAgent, now);
        }
        forgetFailures(accountKey);
        return new Checked(name, Set.copyOf(account.get().roles), account.get().passwordHash);
    }

    /** Ends the session a cookie stands for; false if it had already ended. */
    @Transactional
    public boolean signOut(String cookie, String origin) {
        Instant now = clock.instant();
        String idHash = Secrets.sha256(cookie);
        @SuppressWarnings("unchecked")
        List<String> who = Panache.getEntityManager()
                .createNativeQuery("UPDATE staff_session SET ended_at = ?1, ended_reason = 'signed out'"
                        + " WHERE id_hash = ?2 AND ended_at IS NULL RETURNING username")
                .setParameter(1, now)
                .setParameter(2, idHash)
                .getResultList();
        if (who.isEmpty()) return false;
        timeline.append(
                who.get(0),
                origin,
                List.of(NewTimelineEntry.staff("security.signed_out", Map.of("username", who.get(0)))));
        return true;
    }

    private void end(String idHash, Instant now, String reason) {
        Panache.getEntityManager()
                .createNativeQuery("UPDATE staff_session SET ended_at = ?1, ended_reason = ?2"
                        + " WHERE id_hash = ?3 AND ended_at IS NULL")
                .setParameter(1, now)
                .setParameter(2, reason)
                .setParameter(3, idHash)
                .executeUpdate();
    }

    /** Null if the password is right; otherwise what was wrong (for the audit, never shown). */
    private String checkAccount(String name, String password) {
        Optional<StaffAccount> account = StaffAccount.findByUsername(name);
        String hash = account.map(a -> a.passwordHash).orElse(UNKNOWN_ACCOUNT_HASH);
        boolean matches = password != null && BcryptUtil.matches(password, hash);
        if (account.isEmpty()) return "unknown account";
        if (!matches) return "wrong password";
        if (account.get().disabledAt != null) return "account disabled";
        if (account.get().roles.isEmpty()) return "account has no role";
        return null;
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
        long next = Math.max(waitSeconds(accountKey, now), waitSeconds(addressKey, now));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("username", name);
        data.put("reason", failure);
        data.put("via", via);
        data.put("accountFailures", accountFailures);
        data.put("addressFailures", addressFailures);
        data.put("waitSeconds", next);
        if (userAgent != null) data.put("userAgent", clip(userAgent));
        timeline.append(ANONYMOUS, origin, List.of(NewTimelineEntry.staff("security.sign_in_failed", data)));
        String message = "Wrong username or password."
                + (next > 0 ? " Too many failed sign-ins: wait " + next + " seconds before trying again." : "");
        return new Refused(401, message, next);
    }

    private void forgetFailures(String accountKey) {
        Panache.getEntityManager()
                .createNativeQuery("DELETE FROM sign_in_throttle WHERE key = ?1")
                .setParameter(1, accountKey)
                .executeUpdate();
    }

    private long waitSeconds(String key, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object> until = Panache.getEntityManager()
                .createNativeQuery("SELECT blocked_until FROM sign_in_throttle WHERE key = ?1")
                .setParameter(1, key)
                .getResultList();
        if (until.isEmpty() || until.get(0) == null) return 0;
        Instant blocked = StaffDirectory.instant(until.get(0));
        long seconds = Duration.between(now, blocked).toMillis();
        return seconds <= 0 ? 0 : (seconds + 999) / 1000;
    }

    /** Counts a failure; returns the failures now counted for the key. */
    private int recordFailure(String key, Instant now, int free) {
        SecurityConfig.Throttle throttle = config.throttle();
        EntityManager em = Panache.getEntityManager();
        Object[] row = (Object[]) em.createNativeQuery("INSERT INTO sign_in_throttle AS t (key, failures,"
                        + " last_failure_at) VALUES (?1, 1, ?2) ON CONFLICT (key) DO UPDATE SET failures = CASE WHEN"
                        + " t.last_failure_at < ?3 THEN 1 ELSE t.failures + 1 END, last_failure_at = ?2"
                        + " RETURNING failures, key")
                .setParameter(1, key)
                .setParameter(2, now)
                .setParameter(3, now.minus(throttle.forgetAfter()))
                .getSingleResult();
        int failures = ((Number) row[0]).intValue();
        Instant blockedUntil = null;
        if (failures >= free) {
            int doublings = Math.min(failures - free, 30);
            Duration delay = throttle.firstDelay().multipliedBy(1L << doublings);
            if (delay.compareTo(throttle.maxDelay()) > 0) delay = throttle.maxDelay();
            blockedUntil = now.plus(delay);
        }
        em.createNativeQuery("UPDATE sign_in_throttle SET blocked_until = ?1 WHERE key = ?2")
                .setParameter(1, blockedUntil)
                .setParameter(2, key)
                .executeUpdate();
        return failures;
    }

    private static String clip(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200);
    }
}
