package bonbu.security.account;

import bonbu.shared.problem.DomainException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A staff member's account: bcrypt password hash and roles, kept in PostgreSQL. Public only as
 * the owner of an API token; its state is read and changed inside this package.
 */
@Entity
@Table(name = "staff_account")
public class StaffAccount extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, unique = true)
    String username;

    @Column(name = "display_name", nullable = false)
    String displayName;

    @Column(name = "password_hash", nullable = false)
    String passwordHash;

    /** Created by the demo data; the prod profile refuses to start while any exists. */
    @Column(nullable = false)
    boolean demo;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    /** Set when the account was disabled: it can neither sign in nor be given work. */
    @Column(name = "disabled_at")
    Instant disabledAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role")
    Set<String> roles = new HashSet<>();

    void disable(Instant at) {
        if (disabledAt != null) {
            throw new DomainException("Account '" + username + "' is already disabled (since " + disabledAt + ").");
        }
        disabledAt = at;
    }

    void enable() {
        if (disabledAt == null) {
            throw new DomainException("Account '" + username + "' is not disabled.");
        }
        disabledAt = null;
    }

    public String username() {
        return username;
    }

    /** Whether the account is disabled: it can neither sign in nor use its tokens. */
    public boolean isDisabled() {
        return disabledAt != null;
    }

    public static Optional<StaffAccount> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}
