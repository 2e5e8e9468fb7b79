package bonbu.security.account;

import bonbu.timeline.Fact;
import java.util.List;

/** What account administration records on the staff timeline. Role lists are sorted. */
public sealed interface AccountFact extends Fact {

    @Fact.Type("account.created")
    record AccountCreated(String username, String displayName, List<String> roles, boolean demo)
            implements AccountFact {}

    @Fact.Type("account.disabled")
    record AccountDisabled(String username) implements AccountFact {}

    @Fact.Type("account.enabled")
    record AccountEnabled(String username) implements AccountFact {}

    /** An administrator set a new password; the account's sessions ended. */
    @Fact.Type("account.password_reset")
    record PasswordReset(String username) implements AccountFact {}

    @Fact.Type("account.roles_changed")
    record RolesChanged(String username, List<String> before, List<String> after) implements AccountFact {}
}
