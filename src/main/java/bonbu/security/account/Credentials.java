package bonbu.security.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/** Checks an account's password and tells its current roles, for sign-in and for credentials already issued. */
@ApplicationScoped
public class Credentials {

    // Compared against when the account is unknown, so that answers take the same time either way.
    private static final String UNKNOWN_ACCOUNT_HASH = BcryptUtil.bcryptHash("no such account");

    /** A password check: {@code failure} is null when it matched (then the roles and the hash it matched). */
    public record Verdict(String failure, Set<String> roles, String passwordHash) {}

    /** Checks a password; the failure says what was wrong, for the audit only (never shown). */
    public Verdict verify(String username, String password) {
        Optional<StaffAccount> account = StaffAccount.findByUsername(username);
        String hash = account.map(a -> a.passwordHash).orElse(UNKNOWN_ACCOUNT_HASH);
        boolean matches = password != null && BcryptUtil.matches(password, hash);
        if (account.isEmpty()) return failed("unknown account");
        if (!matches) return failed("wrong password");
        if (account.get().disabledAt != null) return failed("account disabled");
        if (account.get().roles.isEmpty()) return failed("account has no role");
        return new Verdict(null, Set.copyOf(account.get().roles), hash);
    }

    /**
     * The roles of an account whose password still has exactly {@code passwordHash} (one it was
     * checked against before), if it is enabled and has a role: this spares the bcrypt.
     */
    public Optional<Set<String>> stillMatching(String username, String passwordHash) {
        return StaffAccount.findByUsername(username)
                .filter(a -> passwordHash.equals(a.passwordHash) && a.disabledAt == null && !a.roles.isEmpty())
                .map(a -> Set.copyOf(a.roles));
    }

    /** The roles of an enabled account (possibly none); empty if it does not exist or is disabled. */
    public Optional<Set<String>> activeRoles(String username) {
        return StaffAccount.findByUsername(username)
                .filter(a -> a.disabledAt == null)
                .map(a -> Set.copyOf(a.roles));
    }

    private static Verdict failed(String failure) {
        return new Verdict(failure, Set.of(), null);
    }
}
