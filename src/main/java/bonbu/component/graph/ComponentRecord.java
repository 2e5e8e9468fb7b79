package bonbu.component;

import bonbu.shared.LocalizedText;
import java.time.Instant;
import java.util.List;

/** An immutable copy of a component's stored fields, held in the in-memory catalog. */
record ComponentRecord(
        long id,
        String key,
        LocalizedText name,
        LocalizedText group,
        ComponentKind kind,
        int tier,
        boolean isPublic,
        LocalizedText description,
        List<Alternative> alternatives,
        ComponentStatus status,
        Instant statusChangedAt,
        Instant createdAt,
        Instant updatedAt) {

    static ComponentRecord of(Component c) {
        return new ComponentRecord(
                c.id,
                c.key,
                c.name(),
                c.group(),
                c.kind,
                c.tier,
                c.isPublic,
                c.description(),
                List.copyOf(c.alternatives),
                c.status,
                c.statusChangedAt,
                c.createdAt,
                c.updatedAt);
    }

    ComponentRecord withStatus(ComponentStatus newStatus, Instant at) {
        return new ComponentRecord(
                id, key, name, group, kind, tier, isPublic, description, alternatives, newStatus, at, createdAt, at);
    }
}
