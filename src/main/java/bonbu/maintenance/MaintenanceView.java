package bonbu.maintenance;

import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.shared.LocalizedText;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A maintenance window as the staff API shows it, with its components as they are now. */
public record MaintenanceView(
        String number,
        LocalizedText title,
        MaintenanceStatus status,
        List<ComponentState> components,
        Instant scheduledFor,
        Instant scheduledUntil,
        Instant startedAt,
        Instant completedAt,
        Instant cancelledAt,
        LocalizedText message,
        long version) {

    /** One of the window's components: its own status and its effective status. */
    public record ComponentState(
            String key, LocalizedText name, ComponentStatus status, ComponentStatus effectiveStatus) {}

    /** The view of {@code m}, its components taken from {@code components} (by key). */
    static MaintenanceView of(Maintenance m, Map<String, ComponentView> components) {
        List<ComponentState> states = m.components.stream()
                .map(key -> {
                    ComponentView c = components.get(key);
                    return new ComponentState(key, c.name(), c.status(), c.effectiveStatus());
                })
                .toList();
        return new MaintenanceView(
                m.number,
                m.title(),
                m.status,
                states,
                m.scheduledFor,
                m.scheduledUntil,
                m.startedAt,
                m.completedAt,
                m.cancelledAt,
                m.message(),
                m.version);
    }
}
