package bonbu.checklist;

import bonbu.component.ComponentKind;
import bonbu.incident.terms.CommandRole;
import bonbu.shared.LocalizedText;
import java.util.List;
import java.util.Set;

/**
 * A recovery runbook as loaded from {@code runbooks/}: what it is for, which components (by key)
 * or kinds of component it applies to, and its ordered steps. {@code version} is a hash of the
 * file, so a checklist can say exactly which text it was made from.
 */
record Runbook(
        String id,
        LocalizedText title,
        Set<String> components,
        Set<ComponentKind> kinds,
        List<Step> steps,
        String file,
        String version) {

    /** One step: what to do, who does it (an ICS role and/or a team), how long it should take. */
    public record Step(LocalizedText text, CommandRole role, String team, int minutes, boolean evidence) {}

    public int expectedMinutes() {
        return steps.stream().mapToInt(Step::minutes).sum();
    }
}
