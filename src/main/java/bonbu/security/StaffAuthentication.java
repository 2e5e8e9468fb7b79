package bonbu.security;

import bonbu.security.signin.SessionDirectory;
import bonbu.security.signin.SignInPages;
import bonbu.security.token.TokenService;
import bonbu.shared.web.ProblemMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * How a request says who sent it: the console's session cookie, an API bearer token, or (demo
 * and tests only) HTTP Basic. Each is checked against PostgreSQL alone, so sign-in keeps working
 * when shared identity systems are down.
 */
final class StaffAuthentication {

    private StaffAuthentication() {}

    static final class SessionRequest extends BaseAuthenticationRequest {
        final String cookie;

        SessionRequest(String cookie) {
            this.cookie = cookie;
        }
    }

    static final class TokenRequest extends BaseAuthenticationRequest {
        final String token;

        TokenRequest(String token) {
            this.token = token;
        }
    }

    @ApplicationScoped
    static class Mechanism implements HttpAuthenticationMechanism {

        @Inject
        SecurityConfig config;

        @Override
        public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
            String authorization = context.request().getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                        new TokenRequest(authorization.substring(7).trim()), context));
            }
            if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                if (!config.basicEnabled()) {
                    return Uni.createFrom()
                            .failure(new AuthenticationFailedException(
                                    "HTTP Basic is switched off: use a bearer token"));
                }
                Optional<UsernamePasswordAuthenticationRequest> basic =
                        basic(authorization.substring(6).trim());
                if (basic.isEmpty()) return Uni.createFrom().failure(new AuthenticationFailedException());
                return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(basic.get(), context));
            }
            Cookie cookie = context.request().getCookie(SignInPages.SESSION_COOKIE);
            if (cookie != null && !cookie.getValue().isBlank()) {
                return identities.authenticate(
                        HttpSecurityUtils.setRoutingContextAttribute(new SessionRequest(cookie.getValue()), context));
            }
            return Uni.createFrom().optional(Optional.empty());
        }

        private static Optional<UsernamePasswordAuthenticationRequest> basic(String encoded) {
            try {
                String plain = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
                int colon = plain.indexOf(':');
                if (colon < 0) return Optional.empty();
                return Optional.of(new UsernamePasswordAuthenticationRequest(
                        plain.substring(0, colon),
                        new PasswordCredential(plain.substring(colon + 1).toCharArray())));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        @Override
        public Uni<ChallengeData> getChallenge(RoutingContext context) {
            return Uni.createFrom()
                    .item(new ChallengeData(401, "WWW-Authenticate", ProblemMapper.challenge(config.basicEnabled())));
        }

        @Override
        public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
            return Set.of(SessionRequest.class, TokenRequest.class, UsernamePasswordAuthenticationRequest.class);
        }
    }

    @ApplicationScoped
    static class Sessions implements IdentityProvider<SessionRequest> {

        @Inject
        SessionDirectory sessions;

        @Override
        public Class<SessionRequest> getRequestType() {
            return SessionRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> sessions.resolve(request.cookie)
                    .map(h -> h.identity("session"))
                    .orElseThrow(() -> new AuthenticationFailedException("session ended or unknown")));
        }
    }

    @ApplicationScoped
    static class Tokens implements IdentityProvider<TokenRequest> {

        @Inject
        TokenService tokens;

        @Override
        public Class<TokenRequest> getRequestType() {
            return TokenRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> tokens.resolve(request.token)
                    .map(h -> h.identity("token"))
                    .orElseThrow(() -> new AuthenticationFailedException("token unknown, revoked or expired")));
        }
    }
}
