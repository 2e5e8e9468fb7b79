package bonbu.maintenance;

import bonbu.component.ComponentStatus;
import bonbu.shared.LocalizedText;
import bonbu.timeline.Fact;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * What happens to maintenance windows: public when a window touches a public component (naming
 * only the public ones), staff-only when it touches staff systems alone.
 */
public sealed interface MaintenanceFact extends Fact {

    String number();

    LocalizedText title();

    /** The window's components that the entry's audience may see. */
    List<Shown> components();

    @Fact.Type("maintenance.scheduled")
    record MaintenanceScheduled(
            String number,
            LocalizedText title,
            MaintenanceStatus status,
            Instant scheduledFor,
            Instant scheduledUntil,
            LocalizedText message,
            List<Shown> components)
            implements MaintenanceFact {}

    /**
     * A move by hand or on schedule. {@code message}: the new text, or null when it was kept.
     * {@code skipped}: components the move left alone, present when the move took components into
     * maintenance or gave them back.
     */
    @Fact.Type("maintenance.status_changed")
    record MaintenanceStatusChanged(
            String number,
            LocalizedText title,
            MaintenanceStatus from,
            MaintenanceStatus to,
            LocalizedText message,
            List<Shown> components,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Skipped> skipped)
            implements MaintenanceFact {}

    /** A component of the window. */
    record Shown(String key, LocalizedText name) {}

    /**
     * A component a move left alone, and why: {@code outage} (not put under maintenance during an
     * outage), {@code changed_during_window} or {@code held_by_another_window} ({@code window}: which).
     */
    record Skipped(
            String key,
            LocalizedText name,
            ComponentStatus status,
            String why,
            @JsonInclude(JsonInclude.Include.NON_NULL) String window) {}
}
