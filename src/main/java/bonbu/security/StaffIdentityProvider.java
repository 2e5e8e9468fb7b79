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
import java.util.Set;

/**
 * Checks a username and password against the accounts in PostgreSQL. It depends on nothing but
 * the service's own database, so sign-in keeps working when shared identity systems are down.
 */
@ApplicationScoped
class StaffIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final String QUERY =
            "SELECT a.password_hash, r.role FROM staff_account a LEFT JOIN staff_account_role r ON r.account_id = a.id"
                    + " WHERE a.username = ?";

    // Compared against when the username is unknown, so that answers take the same time either way.
    private static final String UNKNOWN_USER_HASH = BcryptUtil.bcryptHash("no such account");

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() ->
                verify(request.getUsername(), new String(request.getPassword().getPassword())));
    }

    private SecurityIdentity verify(String username, String password) {
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
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username))
                .addRoles(roles)
                .build();
    }
}
