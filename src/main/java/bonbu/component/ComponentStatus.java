package bonbu.component;

import bonbu.shared.problem.ProblemException;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;

/** Statuspage-compatible component status, ordered from best to worst. */
public enum ComponentStatus {
    @JsonProperty("operational")
    OPERATIONAL("operational"),
    @JsonProperty("under_maintenance")
    UNDER_MAINTENANCE("under_maintenance"),
    @JsonProperty("degraded_performance")
    DEGRADED_PERFORMANCE("degraded_performance"),
    @JsonProperty("partial_outage")
    PARTIAL_OUTAGE("partial_outage"),
    @JsonProperty("major_outage")
    MAJOR_OUTAGE("major_outage");

    private final String value;

    ComponentStatus(String value) {
        this.value = value;
    }

    /** The wire and database value, e.g. {@code major_outage}. */
    public String value() {
        return value;
    }

    public static List<String> allowed() {
        return Arrays.stream(values()).map(ComponentStatus::value).toList();
    }

    /** Parses a wire value, refusing anything else with a 400 that lists the allowed values. */
    public static ComponentStatus parse(String field, String value) {
        for (ComponentStatus s : values()) {
            if (s.value.equals(value)) return s;
        }
        throw ProblemException.notOneOf(field, value, allowed());
    }

    public boolean isWorseThan(ComponentStatus other) {
        return ordinal() > other.ordinal();
    }

    @Override
    public String toString() {
        return value;
    }
}
