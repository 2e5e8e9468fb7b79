package bonbu.security.signin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** Recent failed sign-ins of one account or one address ({@code account:…}, {@code address:…}). */
@Entity
@Table(name = "sign_in_throttle")
class SignInThrottle extends PanacheEntityBase {

    @Id
    @Column(name = "key")
    String counterKey;

    @Column(nullable = false)
    int failures;

    @Column(name = "last_failure_at", nullable = false)
    Instant lastFailureAt;

    /** Until when the next attempt must wait; null: it need not. */
    @Column(name = "blocked_until")
    Instant blockedUntil;

    static Optional<Instant> blockedUntil(String key) {
        return SignInThrottle.<SignInThrottle>findByIdOptional(key).map(t -> t.blockedUntil);
    }

    /**
     * Counts one failure at {@code at}, starting again from one if the last was before {@code
     * forgetBefore}, and returns the counter. One statement, so concurrent failures on several
     * replicas are all counted and never collide on the first insert.
     */
    static SignInThrottle countFailure(String key, Instant at, Instant forgetBefore) {
        getEntityManager()
                .createQuery("insert into SignInThrottle (counterKey, failures, lastFailureAt)"
                        + " values (:key, 1, :at) on conflict (counterKey) do update set failures = case when"
                        + " lastFailureAt < :forget then 1 else failures + 1 end, lastFailureAt = :at")
                .setParameter("key", key)
                .setParameter("at", at)
                .setParameter("forget", forgetBefore)
                .executeUpdate();
        SignInThrottle counter = findById(key);
        getEntityManager().refresh(counter);
        return counter;
    }

    static void forget(String key) {
        delete("counterKey", key);
    }
}
