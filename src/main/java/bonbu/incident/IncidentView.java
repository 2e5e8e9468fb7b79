package bonbu.incident;

import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.incident.terms.CommandRole;
import bonbu.incident.terms.IncidentStatus;
import bonbu.incident.terms.LinkKind;
import bonbu.incident.terms.Requests;
import bonbu.incident.terms.Severity;
import bonbu.shared.LocalizedText;
import java.time.Instant;
import java.util.List;

/** An incident as staff see it: its story, who is in command, and what it affects now. */
public record IncidentView(
        String number,
        LocalizedText title,
        IncidentStatus status,
        Severity severity,
        List<SeverityStep> severityHistory,
        KeyTimes keyTimes,
        Durations durations,
        String commander,
        List<Role> roles,
        List<Role> roleHistory,
        List<Affected> components,
        List<Update> updates,
        List<Link> links,
        Instant lastUpdateAt,
        boolean updateOverdue,
        long version) {

    /** One step of the severity history. */
    public record SeverityStep(Severity severity, String how, String reason, String actor, Instant at) {}

    /** When each stage was reached. */
    public record KeyTimes(
            Instant detectedAt, Instant declaredAt, Instant identifiedAt, Instant mitigatedAt, Instant resolvedAt) {}

    /** Seconds from detection to declaration, mitigation and resolution (null until reached). */
    public record Durations(Long toDeclareSeconds, Long toMitigateSeconds, Long toResolveSeconds) {}

    /** A command role held by someone, from when to when (relievedAt null while held). */
    public record Role(CommandRole role, String member, String assignedBy, Instant assumedAt, Instant relievedAt) {}

    /** A component the incident affects, directly or through dependencies, as it is now. */
    public record Affected(
            String key,
            LocalizedText name,
            int tier,
            boolean direct,
            ComponentStatus status,
            ComponentStatus effectiveStatus,
            List<ComponentView.Cause> causes) {}

    /** A published update. */
    public record Update(
            long id,
            IncidentStatus status,
            LocalizedText message,
            List<Requests.ComponentChange> components,
            String author,
            Instant publishedAt) {}

    /** A link to another incident, seen from this one ({@code outgoing} when this one made it). */
    public record Link(String number, LocalizedText title, LinkKind kind, String direction, IncidentStatus status) {}

    /** A line of the incident list. */
    public record Summary(
            String number,
            LocalizedText title,
            IncidentStatus status,
            Severity severity,
            String commander,
            Instant declaredAt,
            Instant resolvedAt,
            Instant lastUpdateAt,
            boolean updateOverdue,
            List<String> components) {}
}
