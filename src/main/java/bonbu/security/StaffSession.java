package bonbu.security;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * What a console page needs to know about the person looking at it: who they are, what they may
 * do, the token its forms must carry, and whether the break-glass account is in use.
 */
@RequestScoped
public class StaffSession {

    /** The name of the hidden form field that carries {@link #csrfToken()}. */
    public static final String CSRF_FIELD = "csrf";

    /** How long the console keeps showing that the break-glass account was used. */
    static final Duration BANNER_FOR = Duration.ofHours(24);

    private static final DateTimeFormatter KST =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'KST'").withZone(ZoneId.of("Asia/Seoul"));

    @Inject
    SecurityIdentity identity;

    @Inject
    RoutingContext routing;

    @Inject
    Clock clock;

    public String username() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** Whether this person signed in with the break-glass account. */
    public boolean isBreakGlass() {
        return Boolean.TRUE.equals(identity.getAttribute(StaffAuthentication.BREAK_GLASS));
    }

    /** The token every console form sends back in the {@value #CSRF_FIELD} field. */
    public String csrfToken() {
        Cookie cookie = routing.request().getCookie(StaffAuthentication.SESSION_COOKIE);
        return cookie == null ? "" : Secrets.csrfFor(cookie.getValue());
    }

    /** A sentence for the console banner while the break-glass account is in use, if it is. */
    @Transactional
    public Optional<String> breakGlassBanner() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> uses = Panache.getEntityManager()
                .createNativeQuery("SELECT at, origin FROM timeline_entry WHERE type = 'security.break_glass_used'"
                        + " AND at > ?1 ORDER BY seq DESC LIMIT 1")
                .setParameter(1, now.minus(BANNER_FOR))
                .getResultList();
        if (uses.isEmpty()) return Optional.empty();
        Object at = uses.get(0)[0];
        Instant when = StaffDirectory.instant(at);
        String from = uses.get(0)[1] == null ? "" : " (" + uses.get(0)[1] + ")";
        return Optional.of("비상 계정(break-glass) 사용 중: " + KST.format(when) + from + "에 로그인. "
                + "The break-glass account signed in at " + KST.format(when) + from
                + ". Every action it takes is recorded; check who holds it and why.");
    }
}
