package bonbu.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Set;

/**
 * Someone a session cookie, an API token or an HTTP Basic password stands for: their name, current
 * roles, whether it is the break-glass account, and (for a session) the hash its cookie is stored
 * under.
 */
public record CredentialHolder(String username, Set<String> roles, boolean breakGlass, String sessionHash) {

    static final String VIA = "bonbu.via";
    static final String SESSION_HASH = "bonbu.session";
    static final String BREAK_GLASS = "bonbu.breakGlass";

    /** The holder's identity for this request; {@code via} says how they sent it (session, token, basic). */
    public SecurityIdentity identity(String via) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username))
                .addRoles(roles)
                .addAttribute(VIA, via)
                .addAttribute(BREAK_GLASS, breakGlass);
        if (sessionHash != null) builder.addAttribute(SESSION_HASH, sessionHash);
        return builder.build();
    }
}
