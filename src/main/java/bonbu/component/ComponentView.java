package bonbu.component;

import bonbu.shared.LocalizedText;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A component as the staff API shows it: its own status, its effective status and the chain of
 * upstreams that explains it, and its place in the dependency graph.
 */
public record ComponentView(
        String key,
        LocalizedText name,
        LocalizedText group,
        ComponentKind kind,
        int tier,
        @JsonProperty("public") boolean isPublic,
        LocalizedText description,
        List<Alternative> alternatives,
        ComponentStatus status,
        ComponentStatus effectiveStatus,
        List<Cause> causes,
        Instant statusChangedAt,
        List<Link> upstreams,
        List<Link> downstreams,
        Instant createdAt,
        Instant updatedAt) {

    /** One step of a cause chain: an upstream component and its effective status. */
    public record Cause(String key, LocalizedText name, ComponentStatus status) {}

    /** A dependency seen from one end: the component at the other end and the kind. */
    public record Link(String key, LocalizedText name, DependencyKind kind) {}
}
