package bonbu.security.token;

import bonbu.security.CredentialHolder;
import bonbu.security.Secrets;
import bonbu.security.account.Credentials;
import bonbu.security.account.StaffAccount;
import bonbu.security.token.TokenFact.TokenCreated;
import bonbu.security.token.TokenFact.TokenRevoked;
import bonbu.shared.problem.DomainException;
import bonbu.shared.problem.ProblemException;
import bonbu.timeline.NewTimelineEntry;
import bonbu.timeline.Timeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Creates, lists and revokes the bearer tokens API clients use, and tells whom a presented token stands for. */
@ApplicationScoped
public class TokenService {

    static final String PREFIX = "bonbu_";

    // Last-used times are bookkeeping: written at most this often per token.
    private static final Duration TOUCH_EVERY = Duration.ofSeconds(30);

    /** A token as listed: never the secret itself. */
    public record TokenView(
            long id,
            String username,
            String name,
            String prefix,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            Instant revokedAt,
            String revokedBy,
            boolean active) {}

    /** The one answer that carries the secret, right after it was created. */
    public record CreatedToken(long id, String username, String name, String token, Instant expiresAt) {}

    @Inject
    Timeline timeline;

    @Inject
    Clock clock;

    @Inject
    Credentials credentials;

    @Transactional
    public CreatedToken create(String username, String name, Instant expiresAt) {
        StaffAccount account = StaffAccount.findByUsername(username)
                .orElseThrow(() -> new DomainException("Only a staff account can hold API tokens; '" + username
                        + "' is not one (the break-glass account cannot)."));
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ProblemException.badRequest("expiresAt must be in the future (it was " + expiresAt + ").");
        }
        String secret = PREFIX + Secrets.random();
        ApiToken token = new ApiToken();
        token.account = account;
        token.name = name.strip();
        token.tokenHash = Secrets.sha256(secret);
        token.prefix = secret.substring(0, PREFIX.length() + 6);
        token.createdAt = now;
        token.expiresAt = expiresAt;
        token.persist();
        timeline.append(
                username,
                List.of(NewTimelineEntry.staff(
                        new TokenCreated(Math.toIntExact(token.id), username, token.name, token.prefix, expiresAt))));
        return new CreatedToken(token.id, username, token.name, secret, expiresAt);
    }

    /** The tokens of one account, or of every account when {@code username} is null. */
    @Transactional
    public List<TokenView> list(String username) {
        List<ApiToken> tokens = username == null
                ? ApiToken.<ApiToken>list("order by id")
                : ApiToken.<ApiToken>list("account.username = ?1 order by id", username);
        Instant now = clock.instant();
        return tokens.stream().map(t -> view(t, now)).toList();
    }

    /** Revokes a token; only its holder or an admin may. */
    @Transactional
    public TokenView revoke(long id, String actor, boolean admin) {
        ApiToken token = ApiToken.findById(id);
        if (token == null || (!admin && !token.account.username().equals(actor))) {
            throw ProblemException.notFound("You have no API token " + id + ". GET /api/tokens lists yours.");
        }
        Instant now = clock.instant();
        token.revoke(now, actor);
        timeline.append(
                actor,
                List.of(NewTimelineEntry.staff(
                        new TokenRevoked(Math.toIntExact(id), token.account.username(), token.name))));
        return view(token, now);
    }

    /**
     * The holder of a token that works now, with the account's current roles. In a transaction of
     * its own (authentication happens outside, or lazily inside, the request's), so the last-used
     * time stays written whatever becomes of the request.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<CredentialHolder> resolve(String secret) {
        Instant now = clock.instant();
        Optional<ApiToken> found = ApiToken.usable(Secrets.sha256(secret), now);
        if (found.isEmpty()) return Optional.empty();
        ApiToken token = found.get();
        String username = token.account.username();
        Optional<Set<String>> roles = credentials.activeRoles(username);
        if (roles.isEmpty()) return Optional.empty();
        if (token.lastUsedAt == null || now.isAfter(token.lastUsedAt.plus(TOUCH_EVERY))) {
            token.lastUsedAt = now;
        }
        return Optional.of(new CredentialHolder(username, roles.get(), false, null));
    }

    private static TokenView view(ApiToken t, Instant now) {
        boolean active =
                t.revokedAt == null && (t.expiresAt == null || t.expiresAt.isAfter(now)) && !t.account.isDisabled();
        return new TokenView(
                t.id,
                t.account.username(),
                t.name,
                t.prefix,
                t.createdAt,
                t.expiresAt,
                t.lastUsedAt,
                t.revokedAt,
                t.revokedBy,
                active);
    }
}
