package bonbu.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * What a console page needs to know about the person looking at it: who they are, what they may
 * do, the token its forms must carry, and whether the break-glass account is in use.
 */
@RequestScoped
public class StaffSession {

    /** The name of the hidden form field that carries {@link #csrfToken()}. */
    public static final String CSRF_FIELD = "csrf";

    @Inject
    SecurityIdentity identity;

    public String username() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The token every console form sends back in the {@value #CSRF_FIELD} field. */
    public String csrfToken() {
        return "";
    }

    /** A sentence for the console banner while the break-glass account is in use, if it is. */
    public Optional<String> breakGlassBanner() {
        return Optional.empty();
    }
}
