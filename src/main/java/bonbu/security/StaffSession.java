package bonbu.security;

import bonbu.security.signin.SessionDirectory;
import bonbu.security.signin.SignInPages;
import bonbu.shared.Kst;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
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

    @Inject
    SecurityIdentity identity;

    @Inject
    RoutingContext routing;

    @Inject
    Clock clock;

    @Inject
    SessionDirectory sessions;

    public String username() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** Whether this person signed in with the break-glass account. */
    public boolean isBreakGlass() {
        return Boolean.TRUE.equals(identity.getAttribute(CredentialHolder.BREAK_GLASS));
    }

    /** The token every console form sends back in the {@value #CSRF_FIELD} field. */
    public String csrfToken() {
        Cookie cookie = routing.request().getCookie(SignInPages.SESSION_COOKIE);
        return cookie == null ? "" : Secrets.csrfFor(cookie.getValue());
    }

    /** A sentence for the console banner while the break-glass account is in use, if it is. */
    public Optional<String> breakGlassBanner() {
        return sessions.lastBreakGlassSignIn(clock.instant().minus(BANNER_FOR)).map(signIn -> {
            String when = Kst.minutes(signIn.at());
            String from = signIn.origin() == null ? "" : " (" + signIn.origin() + ")";
            return "비상 계정(break-glass) 사용 중: " + when + from + "에 로그인. "
                    + "The break-glass account signed in at " + when + from
                    + ". Every action it takes is recorded; check who holds it and why.";
        });
    }
}
