package bonbu.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Checks a username and password against the accounts in PostgreSQL. It depends on nothing but
 * the service's own database, so sign-in keeps working when shared identity systems are down.
 */
@ApplicationScoped
class StaffIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final String QUERY =
            "SELECT a.password_hash, r.role FROM staff_account a LEFT JOIN staff_account_role r ON r.account_id = a.id"
                    + " WHERE a.username = ? AND a.disabled_at IS NULL";

    // Compared against when the username is unknown, so that answers take the same time either way.
    private static final String UNKNOWN_USER_HASH = BcryptUtil.bcryptHash("no such account");

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** A recently verified username and password, so API clients do not pay for bcrypt on every call. */
    private record Verified(Set<String> roles, long expiresAtNanos) {}

    private static final long VERIFIED_FOR_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int MAX_VERIFIED = 10_000;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        if (username.indexOf('\u0000') >= 0 || password.indexOf('\u0000') >= 0) {
            // No account name or password can hold a NUL: PostgreSQL cannot even compare such a
            // name, and bcrypt would read a password only up to it ("secret\0x" as "secret").
            return Uni.createFrom().failure(new AuthenticationFailedException("wrong username or password"));
        }
        String cacheKey = username + "\u0000" + Secrets.sha256(password);
        Verified hit = verified.get(cacheKey);
        if (hit != null && hit.expiresAtNanos() - System.nanoTime() > 0) {
            return Uni.createFrom().item(identity(username, hit.roles()));
        }
        return context.runBlocking(() -> {
            Set<String> roles = verify(username, password);
            if (verified.size() >= MAX_VERIFIED) verified.clear();
            verified.put(cacheKey, new Verified(roles, System.nanoTime() + VERIFIED_FOR_NANOS));
            return identity(username, roles);
        });
    }

    private static SecurityIdentity identity(String username, Set<String> roles) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username))
                .addRoles(roles)
                .addAttribute(StaffAuthentication.VIA, "basic")
                .addAttribute(StaffAuthentication.BREAK_GLASS, false)
                .build();
    }

    /** The account's roles if the password matches; otherwise a failed authentication. */
    private Set<String> verify(String username, String password) {
        String hash = null;
        Set<String> roles = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(QUERY)) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hash = rs.getString(1);
                    if (rs.getString(2) != null) roles.add(rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Sign-in could not reach the database", e);
        }
        boolean matches = BcryptUtil.matches(password, hash == null ? UNKNOWN_USER_HASH : hash);
        if (hash == null || !matches) {
            throw new AuthenticationFailedException("wrong username or password");
        }
        return Set.copyOf(roles);
    }
}
