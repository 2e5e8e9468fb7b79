package bonbu.timeline;

import java.time.Instant;
import java.util.Map;

/** A committed timeline entry as the rest of the system sees it. */
public record TimelineEvent(
        long seq, Instant at, String incident, String actor, String type, Audience audience, Map<String, Object> data) {

    /**
     * The entry as a fact of {@code family} (a sealed interface of facts), or null when the entry
     * belongs to another family. Readers switch on the result's type.
     */
    public <F> F fact(Class<F> family) {
        return Facts.read(type, data, family);
    }

    /** Whether the entry holds a fact of {@code family}. */
    public boolean isOf(Class<?> family) {
        return Facts.typesOf(family).containsKey(type);
    }
}
