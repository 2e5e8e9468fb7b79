package bonbu.security.signin;

import bonbu.security.CredentialHolder;
import bonbu.security.Secrets;
import bonbu.shared.web.RequestOrigin;
import bonbu.shared.web.SignInRefusal;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Checks a username and password sent with HTTP Basic against the accounts in PostgreSQL. It
 * depends on nothing but the service's own database, so sign-in keeps working when shared
 * identity systems are down. Failures are throttled and recorded exactly as the console's form
 * does ({@link SignInService#checkBasic}).
 */
@ApplicationScoped
class StaffIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    SignInService signIn;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /**
     * The stored hash a username and password recently matched, so API clients do not pay for
     * bcrypt on every call. It only spares the bcrypt: the account, its state and its roles are
     * read on every request, and a reset password changes the stored hash.
     */
    private record Verified(String passwordHash, long expiresAtNanos) {}

    private static final long VERIFIED_FOR_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int MAX_VERIFIED = 10_000;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        if (password.indexOf('\u0000') >= 0) {
            // No password can hold a NUL, and bcrypt would read one only up to it ("secret\0x" as
            // "secret"). A name with NUL goes on to be recorded as an unknown account.
            return Uni.createFrom().failure(new AuthenticationFailedException("wrong username or password"));
        }
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        String origin = routing == null ? null : RequestOrigin.of(routing);
        String userAgent = routing == null ? null : routing.request().getHeader("User-Agent");
        String cacheKey = username + "\u0000" + Secrets.sha256(password);
        return context.runBlocking(() -> {
            Verified hit = verified.get(cacheKey);
            String remembered = hit != null && hit.expiresAtNanos() - System.nanoTime() > 0 ? hit.passwordHash() : null;
            SignInService.Outcome outcome = signIn.checkBasic(username, password, origin, userAgent, remembered);
            if (outcome instanceof SignInService.Checked checked) {
                if (remembered == null) {
                    if (verified.size() >= MAX_VERIFIED) verified.clear();
                    verified.put(
                            cacheKey, new Verified(checked.passwordHash(), System.nanoTime() + VERIFIED_FOR_NANOS));
                }
                return new CredentialHolder(checked.username(), checked.roles(), false, null).identity("basic");
            }
            verified.remove(cacheKey);
            SignInService.Refused refused = (SignInService.Refused) outcome;
            if (routing != null) {
                new SignInRefusal(refused.status(), refused.message(), refused.retryAfterSeconds()).attachTo(routing);
            }
            throw new AuthenticationFailedException(refused.message());
        });
    }
}
