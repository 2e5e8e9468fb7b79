package bonbu.security.token;

import bonbu.security.account.StaffAccount;
import bonbu.shared.problem.DomainException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A bearer token of one account, stored as its SHA-256 only. */
@Entity
@Table(name = "api_token")
class ApiToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    StaffAccount account;

    @Column(nullable = false)
    String name;

    @Column(name = "token_hash", nullable = false)
    String tokenHash;

    @Column(nullable = false)
    String prefix;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "expires_at")
    Instant expiresAt;

    @Column(name = "last_used_at")
    Instant lastUsedAt;

    @Column(name = "revoked_at")
    Instant revokedAt;

    @Column(name = "revoked_by")
    String revokedBy;

    void revoke(Instant at, String by) {
        if (revokedAt != null) {
            throw new DomainException("Token " + id + " was already revoked at " + revokedAt + ".");
        }
        revokedAt = at;
        revokedBy = by;
    }

    /** A token that works at {@code now}: not revoked, not expired, of an enabled account. */
    static Optional<ApiToken> usable(String tokenHash, Instant now) {
        return find(
                        "tokenHash = ?1 and revokedAt is null and account.disabledAt is null"
                                + " and (expiresAt is null or expiresAt > ?2)",
                        tokenHash,
                        now)
                .firstResultOptional();
    }
}
