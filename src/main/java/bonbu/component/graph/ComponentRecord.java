package bonbu.component.graph;

import bonbu.component.Alternative;
import bonbu.component.ComponentKind;
import bonbu.component.ComponentStatus;
import bonbu.shared.LocalizedText;
import java.time.Instant;
import java.util.List;

/** An immutable copy of a component's stored fields, held in the in-memory catalog. */
public record ComponentRecord(
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

    ComponentRecord withStatus(ComponentStatus newStatus, Instant at) {
        return new ComponentRecord(
                id, key, name, group, kind, tier, isPublic, description, alternatives, newStatus, at, createdAt, at);
    }
}
