package bonbu.security;

import bonbu.shared.problem.DomainException;
import bonbu.shared.problem.ProblemException;
import bonbu.timeline.NewTimelineEntry;
import bonbu.timeline.Timeline;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Creates staff accounts; passwords are stored only as bcrypt hashes. */
@ApplicationScoped
public class AccountService {

    @Inject
    Timeline timeline;

    @Inject
    Clock clock;

    /** An account as administrators see it: never the password hash. */
    public record AccountView(
            String username,
            String displayName,
            List<String> roles,
            boolean disabled,
            java.time.Instant disabledAt,
            java.time.Instant createdAt,
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
        endSessions(username, "account disabled");
        timeline.append(actor, List.of(NewTimelineEntry.staff("account.disabled", Map.of("username", username))));
    }

    @Transactional
    public void enable(String username, String actor) {
        find(username).enable();
        timeline.append(actor, List.of(NewTimelineEntry.staff("account.enabled", Map.of("username", username))));
    }

    /** Sets a new password chosen by an administrator; the account's sessions end. */
    @Transactional
    public void resetPassword(String username, String password, String actor) {
        StaffAccount account = find(username);
        checkPassword(password);
        account.passwordHash = BcryptUtil.bcryptHash(password);
        account.demo = false;
        endSessions(username, "password reset");
        timeline.append(actor, List.of(NewTimelineEntry.staff("account.password_reset", Map.of("username", username))));
    }

    @Transactional
    public void setRoles(String username, Set<String> roles, String actor) {
        StaffAccount account = find(username);
        checkRoles(roles);
        if (account.roles.contains(Roles.ADMIN) && !roles.contains(Roles.ADMIN) && activeAdmins() <= 1) {
            throw new DomainException("'" + username + "' is the last active administrator; give another account"
                    + " the admin role first.");
        }
        Set<String> before = new TreeSet<>(account.roles);
        account.roles.clear();
        account.roles.addAll(roles);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("username", username);
        data.put("before", before);
        data.put("after", new TreeSet<>(roles));
        timeline.append(actor, List.of(NewTimelineEntry.staff("account.roles_changed", data)));
    }

    private StaffAccount find(String username) {
        return StaffAccount.findByUsername(username)
                .orElseThrow(() -> bonbu.shared.problem.ProblemException.notFound(
                        "There is no account '" + username + "'. GET /api/accounts lists them."));
    }

    private long activeAdmins() {
        return StaffAccount.count("?1 member of roles and disabledAt is null", Roles.ADMIN);
    }

    private void endSessions(String username, String reason) {
        io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createNativeQuery("UPDATE staff_session SET ended_at = ?1, ended_reason = ?2 WHERE username = ?3"
                        + " AND ended_at IS NULL")
                .setParameter(1, clock.instant())
                .setParameter(2, reason)
                .setParameter(3, username)
                .executeUpdate();
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
            throw bonbu.shared.problem.ProblemException.badRequest(
                    "Give the account at least one role: " + String.join(", ", Roles.ALL) + ".");
        }
        if (!Roles.ALL.containsAll(roles)) {
            throw bonbu.shared.problem.ProblemException.notOneOf(
                    "roles", String.join(",", new TreeSet<>(roles)), Roles.ALL);
        }
    }

    private static AccountView view(StaffAccount a) {
        return new AccountView(
                a.username,
                a.displayName,
                a.roles.stream().sorted().toList(),
                a.disabledAt != null,
                a.disabledAt,
                a.createdAt,
                a.demo);
    }

    @Inject
    BreakGlassConfig breakGlass;

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
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("username", username);
        data.put("displayName", displayName);
        data.put("roles", new TreeSet<>(roles));
        data.put("demo", demo);
        timeline.append(actor, List.of(NewTimelineEntry.staff("account.created", data)));
    }

    /** The roles of an account, or empty if there is no such account. */
    public java.util.Optional<Set<String>> rolesOf(String username) {
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
}
