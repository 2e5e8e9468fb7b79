package bonbu.incident;

import bonbu.component.ComponentStatus;
import bonbu.incident.terms.CommandRole;
import bonbu.incident.terms.IncidentStatus;
import bonbu.incident.terms.LinkKind;
import bonbu.incident.terms.Severity;
import bonbu.shared.LocalizedText;
import bonbu.timeline.Fact;
import java.time.Instant;
import java.util.List;

/**
 * What happened to an incident, as stored on the timeline. Each record's JSON is exactly the
 * entry's {@code data}; {@code incident.cause_published} belongs to the review's facts.
 */
public sealed interface IncidentFact extends Fact {

    /** A component and the status an incident or update set it to. */
    record ComponentSet(String key, ComponentStatus status) {}

    /**
     * A published update as the declaration carries it. Ids and minutes are {@code int}s: the stored
     * JSON holds them as plain numbers, and that is how they read back.
     */
    record Update(
            int id, IncidentStatus status, LocalizedText message, List<ComponentSet> components, Instant publishedAt) {}

    /** Declared, with the component statuses it set and its first public update. */
    @Fact.Type("incident.declared")
    record IncidentDeclared(
            String number, LocalizedText title, IncidentStatus status, List<ComponentSet> components, Update update)
            implements IncidentFact {}

    /** The severity given at declaration: derived from the components, or declared by hand. */
    @Fact.Type("incident.severity_set")
    record SeveritySet(Severity severity, Severity derived, String how) implements IncidentFact {}

    /** A command role given to a member; {@code previous} held it until this instant (null: nobody). */
    @Fact.Type("incident.role_assigned")
    record RoleAssigned(CommandRole role, String member, String previous) implements IncidentFact {}

    /** A command role given up, with nobody taking it over. */
    @Fact.Type("incident.role_relieved")
    record RoleRelieved(CommandRole role, String member) implements IncidentFact {}

    /** A public update, moving the incident from {@code previousStatus} to {@code status}. */
    @Fact.Type("incident.update_published")
    record UpdatePublished(
            int id,
            IncidentStatus status,
            LocalizedText message,
            List<ComponentSet> components,
            Instant publishedAt,
            String number,
            IncidentStatus previousStatus)
            implements IncidentFact {}

    /** The severity set by hand, with the reason. */
    @Fact.Type("incident.severity_overridden")
    record SeverityOverridden(Severity from, Severity to, String reason) implements IncidentFact {}

    /** The severity raised because the affected components now imply worse ({@code because}: their keys). */
    @Fact.Type("incident.severity_raised")
    record SeverityRaised(Severity from, Severity to, String because) implements IncidentFact {}

    /** A resolved incident reopened, with the reason (staff only; the public sees the status change). */
    @Fact.Type("incident.reopened")
    record Reopened(String reason) implements IncidentFact {}

    /** The incident's status changed without an update (on reopening). */
    @Fact.Type("incident.status_changed")
    record StatusChanged(String number, IncidentStatus from, IncidentStatus to) implements IncidentFact {}

    /** Two incidents linked; written on both. */
    @Fact.Type("incident.linked")
    record Linked(String from, String to, LinkKind kind) implements IncidentFact {}

    /** No public update for longer than the severity allows; flagged once per lapse. */
    @Fact.Type("incident.update_overdue")
    record UpdateOverdue(String number, Severity severity, Instant lastUpdateAt, int allowedMinutes)
            implements IncidentFact {}
}
