package bonbu.maintenance;

import bonbu.shared.Stage;
import bonbu.shared.problem.ProblemException;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a maintenance window stands (Statuspage-compatible): {@code scheduled → in_progress →
 * verifying → completed}, forward only, or {@code cancelled} before it starts.
 */
public enum MaintenanceStatus implements Stage<MaintenanceStatus> {
    @JsonProperty("scheduled")
    SCHEDULED("scheduled"),
    @JsonProperty("in_progress")
    IN_PROGRESS("in_progress"),
    @JsonProperty("verifying")
    VERIFYING("verifying"),
    @JsonProperty("completed")
    COMPLETED("completed"),
    @JsonProperty("cancelled")
    CANCELLED("cancelled");

    private static final Map<String, Set<MaintenanceStatus>> STATES = Map.of(
            "upcoming", EnumSet.of(SCHEDULED),
            "active", EnumSet.of(IN_PROGRESS, VERIFYING),
            "completed", EnumSet.of(COMPLETED),
            "all", EnumSet.allOf(MaintenanceStatus.class));
    private static final List<String> STATE_NAMES = List.of("upcoming", "active", "completed", "all");

    private final String value;

    MaintenanceStatus(String value) {
        this.value = value;
    }

    /** The wire and database value, e.g. {@code in_progress}. */
    @Override
    public String value() {
        return value;
    }

    /** The statuses a window in this one may move to. */
    @Override
    public List<MaintenanceStatus> next() {
        return switch (this) {
            case SCHEDULED -> List.of(IN_PROGRESS, VERIFYING, COMPLETED, CANCELLED);
            case IN_PROGRESS -> List.of(VERIFYING, COMPLETED);
            case VERIFYING -> List.of(COMPLETED);
            case COMPLETED, CANCELLED -> List.of();
        };
    }

    /** While in progress or verifying, the window holds its components in maintenance. */
    public boolean isActive() {
        return this == IN_PROGRESS || this == VERIFYING;
    }

    static MaintenanceStatus parse(String value) {
        return Arrays.stream(values())
                .filter(s -> s.value.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown maintenance status '" + value + "'"));
    }

    /**
     * The statuses a listing's {@code state} covers: {@code upcoming} (scheduled), {@code active}
     * (in progress or verifying), {@code completed}, or {@code all} (the default, with cancelled).
     */
    static Set<MaintenanceStatus> inState(String state) {
        if (state == null || state.isBlank()) {
            return STATES.get("all");
        }
        Set<MaintenanceStatus> statuses = STATES.get(state.trim());
        if (statuses == null) {
            throw ProblemException.notOneOf("state", state, STATE_NAMES);
        }
        return statuses;
    }

    @Override
    public String toString() {
        return value;
    }
}
