package bonbu.security.token;

import bonbu.timeline.Fact;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What API tokens record on the staff timeline: never the secret, only its shown prefix. Ids are
 * {@code int}: the stored entries read back as JSON integers of that size.
 */
public sealed interface TokenFact extends Fact {

    /** A new token; {@code expiresAt} is absent for a token that does not expire. */
    @Fact.Type("token.created")
    record TokenCreated(
            int id,
            String username,
            String name,
            String prefix,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant expiresAt)
            implements TokenFact {}

    @Fact.Type("token.revoked")
    record TokenRevoked(int id, String username, String name) implements TokenFact {}
}
