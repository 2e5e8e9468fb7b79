package bonbu.incident;

import bonbu.incident.terms.IncidentStatus;
import bonbu.incident.terms.Severity;
import bonbu.shared.LocalizedText;
import java.time.Instant;
import java.util.List;

/**
 * An incident as the public may know it: its title, where it stands, its key times, the components
 * it names and its published updates (newest first). No roles, no staff-only facts.
 */
public record IncidentStory(
        String number,
        LocalizedText title,
        IncidentStatus status,
        Severity severity,
        IncidentView.KeyTimes keyTimes,
        Instant updatedAt,
        List<String> components,
        List<IncidentView.Update> updates) {

    public boolean isActive() {
        return status != IncidentStatus.RESOLVED;
    }
}
