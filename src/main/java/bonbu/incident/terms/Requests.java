package bonbu.incident.terms;

import bonbu.component.ComponentStatus;
import bonbu.shared.LocalizedText;
import bonbu.shared.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The request bodies of the incident API. */
public final class Requests {

    private Requests() {}

    /** The statuses the changes set, by component key, in order; refuses a component listed twice. */
    public static Map<String, ComponentStatus> statusesOf(List<ComponentChange> changes) {
        Map<String, ComponentStatus> statuses = new LinkedHashMap<>();
        if (changes == null) return statuses;
        for (ComponentChange change : changes) {
            if (statuses.put(change.key(), change.status()) != null) {
                throw ProblemException.badRequest(
                        "Component '" + change.key() + "' is listed twice; give each component once.");
            }
        }
        return statuses;
    }

    /** A component and the status an incident sets it to. */
    public record ComponentChange(
            @NotBlank(message = "is required: a component key")
            String key,

            @NotNull(
                    message =
                            "is required: operational, degraded_performance, partial_outage, major_outage or under_maintenance")
            ComponentStatus status) {}

    /** Declares an incident: what is affected, the first public message, and optionally how bad and since when. */
    public record DeclareIncident(
            @NotNull(message = "is required") @Valid LocalizedText title,

            @NotNull(message = "is required (it may be empty)") @Size(max = 500, message = "at most 500 components")
            List<@NotNull @Valid ComponentChange> components,

            @NotNull(message = "is required: the first public update") @Valid
            LocalizedText message,

            Severity severity,
            Instant detectedAt) {}

    /** A public update: where the incident stands, what to tell people, and component changes. */
    public record PublishUpdate(
            @NotNull(message = "is required: investigating, identified, monitoring or resolved")
            IncidentStatus status,

            @NotNull(message = "is required") @Valid LocalizedText message,

            @Size(max = 500, message = "at most 500 components")
            List<@NotNull @Valid ComponentChange> components) {}

    /** Sets the severity by hand, saying why. */
    public record OverrideSeverity(
            @NotNull(message = "is required: SEV1, SEV2, SEV3 or SEV4")
            Severity severity,

            @NotBlank(message = "is required: say why") @Size(max = 2000)
            String reason) {}

    /** Reopens a resolved incident, saying why. */
    public record Reopen(
            @NotBlank(message = "is required: say why") @Size(max = 2000)
            String reason) {}

    /** Gives a command role to a staff member (a handover if someone holds it). */
    public record AssignRole(
            @NotBlank(message = "is required: a staff account name")
            String member) {}

    /** Links this incident to another. */
    public record LinkIncident(
            @NotBlank(message = "is required: the other incident's number")
            String number,

            @NotNull(message = "is required: RECURRENCE_OF or RELATED")
            LinkKind kind) {}
}
