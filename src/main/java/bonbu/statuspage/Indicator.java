package bonbu.statuspage;

import bonbu.component.ComponentStatus;
import bonbu.incident.Severity;

/**
 * The page's overall state as Statuspage names it ({@code status.indicator}), from best to worst,
 * with Statuspage's own descriptions.
 */
enum Indicator {
    NONE("none", "All Systems Operational"),
    MAINTENANCE("maintenance", "Service Under Maintenance"),
    MINOR("minor", "Minor Service Outage"),
    MAJOR("major", "Partial System Outage"),
    CRITICAL("critical", "Major System Outage");

    final String value;
    final String description;

    Indicator(String value, String description) {
        this.value = value;
        this.description = description;
    }

    static Indicator of(ComponentStatus status) {
        return switch (status) {
            case OPERATIONAL -> NONE;
            case UNDER_MAINTENANCE -> MAINTENANCE;
            case DEGRADED_PERFORMANCE -> MINOR;
            case PARTIAL_OUTAGE -> MAJOR;
            case MAJOR_OUTAGE -> CRITICAL;
        };
    }

    /** An incident's Statuspage {@code impact}: SEV1 critical, SEV2 major, SEV3 minor, SEV4 none. */
    static Indicator impactOf(Severity severity) {
        return switch (severity) {
            case SEV1 -> CRITICAL;
            case SEV2 -> MAJOR;
            case SEV3 -> MINOR;
            case SEV4 -> NONE;
        };
    }

    Indicator worse(Indicator other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
