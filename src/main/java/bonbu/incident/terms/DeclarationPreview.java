package bonbu.incident.terms;

import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.shared.LocalizedText;
import java.util.List;

/** The blast radius of a declaration not yet made, and the severity it would be declared with. */
public record DeclarationPreview(List<Affected> components, Severity severity) {

    /** A component the declaration would affect: directly, or through its dependencies ({@code causes}). */
    public record Affected(
            String key,
            LocalizedText name,
            int tier,
            boolean isPublic,
            boolean direct,
            ComponentStatus now,
            ComponentStatus then,
            List<ComponentView.Cause> causes) {}
}
