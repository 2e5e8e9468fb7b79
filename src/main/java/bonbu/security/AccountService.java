package bonbu.security;

import bonbu.shared.DomainException;
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

    @Transactional
    public void create(
            String username, String displayName, String password, Set<String> roles, boolean demo, String actor) {
        if (username == null || !username.matches("[a-z][a-z0-9._-]{1,62}")) {
            throw new DomainException("Account name '" + username + "' is not valid: use 2–63 lower-case letters,"
                    + " digits, '.', '_' or '-', starting with a letter.");
        }
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
