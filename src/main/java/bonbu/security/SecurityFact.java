package bonbu.security;

import bonbu.timeline.Fact;
import com.fasterxml.jackson.annotation.JsonInclude;

/** What sign-in and the guards record on the staff timeline: sign-ins, failures, refusals. */
public sealed interface SecurityFact extends Fact {

    /** A console sign-in; {@code userAgent} is absent when the browser sent none. */
    @Fact.Type("security.signed_in")
    record SignedIn(
            String username,
            boolean breakGlass,
            @JsonInclude(JsonInclude.Include.NON_NULL) String userAgent) implements SecurityFact {}

    /** The break-glass account signed in: said loudly, beside its {@link SignedIn}. */
    @Fact.Type("security.break_glass_used")
    record BreakGlassUsed(String username, String message) implements SecurityFact {}

    @Fact.Type("security.signed_out")
    record SignedOut(String username) implements SecurityFact {}

    /**
     * A refused sign-in by the form or HTTP Basic ({@code via}), with the failures now counted for
     * the account and the address and how long the next attempt must wait.
     */
    @Fact.Type("security.sign_in_failed")
    record SignInFailed(
            String username,
            String reason,
            String via,
            int accountFailures,
            int addressFailures,
            int waitSeconds,
            @JsonInclude(JsonInclude.Include.NON_NULL) String userAgent)
            implements SecurityFact {}

    /** A request refused for lack of a role: who tried what. */
    @Fact.Type("security.access_refused")
    record AccessRefused(String username, String method, String path) implements SecurityFact {}
}
