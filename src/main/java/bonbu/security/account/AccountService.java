package bonbu.security.account;

import bonbu.security.BreakGlassConfig;
import bonbu.security.Roles;
import bonbu.security.account.AccountFact.AccountCreated;
import bonbu.security.account.AccountFact.AccountDisabled;
import bonbu.security.account.AccountFact.AccountEnabled;
import bonbu.security.account.AccountFact.PasswordReset;
import bonbu.security.account.AccountFact.RolesChanged;
import bonbu.shared.problem.DomainException;
import bonbu.shared.problem.ProblemException;
import bonbu.timeline.NewTimelineEntry;
import bonbu.timeline.Timeline;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Creates staff accounts; passwords are stored only as bcrypt hashes. */
@ApplicationScoped
public class AccountService {

    @Inject
    Timeline timeline;

    @Inject
    Clock clock;

    @Inject
    BreakGlassConfig breakGlass;

    @Inject
    Event<CredentialsWithdrawn> withdrawn;

    /** An account as administrators see it: never the password hash. */
    public record AccountView(
            String username,
            String displayName,
            List<String> roles,
            boolean disabled,
            Instant disabledAt,
            Instant createdAt,
            boolean demo) {}

    @Transactional
    public List<AccountView> list() {
        return StaffAccount.<StaffAccount>list("order by username").stream()
                .map(AccountService::view)
                .toList();
    }

    @Transactional
    public AccountView get(String username) {
        return view(find(username));
    }

    @Transactional
    public void disable(String username, String actor) {
        StaffAccount account = find(username);
        if (username.equals(actor)) {
            throw new DomainException("You cannot disable your own account. Ask another administrator.");
        }
        if (account.roles.contains(Roles.ADMIN) && activeAdmins() <= 1) {
            throw new DomainException("'" + username + "' is the last active administrator; give another account"
                    + " the admin role first.");
        }
        account.disable(clock.instant());
        withdrawn.fire(new CredentialsWithdrawn(username, "account disabled"));
        timeline.append(actor, List.of(NewTimelineEntry.staff(new AccountDisabled(username))));
    }

    @Transactional
    public void enable(String username, String actor) {
        find(username).enable();
        timeline.append(actor, List.of(NewTimelineEntry.staff(new AccountEnabled(username))));
    }

    /** Sets a new password chosen by an administrator; the account's sessions end. */
    @Transactional
    public void resetPassword(String username, String password, String actor) {
        StaffAccount account = find(username);
        checkPassword(password);
        account.passwordHash = BcryptUtil.bcryptHash(password);
        account.demo = false;
        withdrawn.fire(new CredentialsWithdrawn(username, "password reset"));
        timeline.append(actor, List.of(NewTimelineEntry.staff(new PasswordReset(username))));
    }

    @Transactional
    public void setRoles(String username, Set<String> roles, String actor) {
        StaffAccount account = find(username);
        checkRoles(roles);
        if (account.roles.contains(Roles.ADMIN) && !roles.contains(Roles.ADMIN) && activeAdmins() <= 1) {
            throw new DomainException("'" + username + "' is the last active administrator; give another account"
                    + " the admin role first.");
        }
        List<String> before = sorted(account.roles);
        account.roles.clear();
        account.roles.addAll(roles);
        timeline.append(actor, List.of(NewTimelineEntry.staff(new RolesChanged(username, before, sorted(roles)))));
    }

    private StaffAccount find(String username) {
        return StaffAccount.findByUsername(username)
                .orElseThrow(() -> ProblemException.notFound(
                        "There is no account '" + username + "'. GET /api/accounts lists them."));
    }

    private long activeAdmins() {
        return StaffAccount.count("?1 member of roles and disabledAt is null", Roles.ADMIN);
    }

    private static void checkPassword(String password) {
        if (!PasswordRule.acceptable(password)) {
            throw new ProblemException(
                    400,
                    "Invalid request",
                    PasswordRule.RULE,
                    Map.of("errors", List.of(Map.of("field", "password", "message", PasswordRule.RULE))));
        }
    }

    private static final String USERNAME_RULE =
            "use 2–63 lower-case letters, digits, '.', '_' or '-', starting with a letter";

    private static void checkUsername(String username) {
        if (username == null || !username.matches("[a-z][a-z0-9._-]{1,62}")) {
            String shown = username == null || username.length() > 100 ? "" : " '" + username + "'";
            throw new ProblemException(
                    400,
                    "Invalid request",
                    "Account name" + shown + " is not valid: " + USERNAME_RULE + ".",
                    Map.of("errors", List.of(Map.of("field", "username", "message", USERNAME_RULE))));
        }
    }

    private static void checkRoles(Set<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw ProblemException.badRequest(
                    "Give the account at least one role: " + String.join(", ", Roles.ALL) + ".");
        }
        if (!Roles.ALL.containsAll(roles)) {
            throw ProblemException.notOneOf("roles", String.join(",", sorted(roles)), Roles.ALL);
        }
    }

    private static AccountView view(StaffAccount a) {
        return new AccountView(
                a.username, a.displayName, sorted(a.roles), a.disabledAt != null, a.disabledAt, a.createdAt, a.demo);
    }

    /** Creates an account from the administration API: a real password and at least one role. */
    @Transactional
    public AccountView register(String username, String displayName, String password, Set<String> roles, String actor) {
        checkUsername(username);
        checkPassword(password);
        checkRoles(roles);
        if (username != null && username.equals(breakGlass.username())) {
            throw new DomainException("'" + username + "' is reserved for the break-glass account.");
        }
        create(username, displayName, password, roles, false, actor);
        return get(username);
    }

    @Transactional
    public void create(
            String username, String displayName, String password, Set<String> roles, boolean demo, String actor) {
        checkUsername(username);
        if (!Roles.ALL.containsAll(roles)) {
            throw new DomainException("Unknown role in " + roles + ". Roles: " + String.join(", ", Roles.ALL) + ".");
        }
        if (StaffAccount.findByUsername(username).isPresent()) {
            throw new DomainException("An account named '" + username + "' already exists.");
        }
        StaffAccount account = new StaffAccount();
        account.username = username;
        account.displayName = displayName;
        account.passwordHash = BcryptUtil.bcryptHash(password);
        account.demo = demo;
        account.createdAt = clock.instant();
        account.roles.addAll(roles);
        account.persist();
        timeline.append(
                actor, List.of(NewTimelineEntry.staff(new AccountCreated(username, displayName, sorted(roles), demo))));
    }

    /** The roles of an account, or empty if there is no such account. */
    public Optional<Set<String>> rolesOf(String username) {
        return StaffAccount.findByUsername(username).map(a -> Set.copyOf(a.roles));
    }

    public boolean exists(String username) {
        return StaffAccount.findByUsername(username).isPresent();
    }

    /** Whether the account exists and is not disabled. */
    @Transactional
    public boolean isActive(String username) {
        return StaffAccount.findByUsername(username)
                .map(a -> a.disabledAt == null)
                .orElse(false);
    }

    public long count() {
        return StaffAccount.count();
    }

    public long demoAccounts() {
        return StaffAccount.count("demo", true);
    }

    private static List<String> sorted(Collection<String> roles) {
        return roles.stream().sorted().toList();
    }
}
