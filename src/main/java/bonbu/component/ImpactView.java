package bonbu.component;

import bonbu.shared.LocalizedText;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The blast radius of a hypothetical status: every component whose effective status would change. */
public record ImpactView(String key, ComponentStatus status, List<Affected> changes) {

    /** One component that would change, from what to what, and why. */
    public record Affected(
            String key,
            LocalizedText name,
            int tier,
            @JsonProperty("public") boolean isPublic,
            ComponentStatus from,
            ComponentStatus to,
            List<ComponentView.Cause> causes) {}
}
