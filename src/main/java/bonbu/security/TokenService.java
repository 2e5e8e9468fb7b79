package bonbu.security;

import bonbu.shared.problem.DomainException;
import bonbu.shared.problem.ProblemException;
import bonbu.timeline.NewTimelineEntry;
import bonbu.timeline.Timeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creates, lists and revokes the bearer tokens API clients use. */
@ApplicationScoped
public class TokenService {

    static final String PREFIX = "bonbu_";

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
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", token.id);
        data.put("username", username);
        data.put("name", token.name);
        data.put("prefix", token.prefix);
        if (expiresAt != null) data.put("expiresAt", expiresAt.toString());
        timeline.append(username, List.of(NewTimelineEntry.staff("token.created", data)));
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
        if (token == null || (!admin && !token.account.username.equals(actor))) {
            throw ProblemException.notFound("You have no API token " + id + ". GET /api/tokens lists yours.");
        }
        Instant now = clock.instant();
        token.revoke(now, actor);
        timeline.append(
                actor,
                List.of(NewTimelineEntry.staff(
                        "token.revoked", Map.of("id", id, "username", token.account.username, "name", token.name))));
        return view(token, now);
    }

    private static TokenView view(ApiToken t, Instant now) {
        boolean active = t.revokedAt == null
                && (t.expiresAt == null || t.expiresAt.isAfter(now))
                && t.account.disabledAt == null;
        return new TokenView(
                t.id,
                t.account.username,
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
