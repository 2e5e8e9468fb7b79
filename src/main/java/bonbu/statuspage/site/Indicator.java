package bonbu.statuspage.site;

import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.incident.IncidentStory;
import bonbu.incident.terms.Severity;
import bonbu.statuspage.PublicState;

/**
 * The page's overall state as Statuspage names it ({@code status.indicator}), from best to worst,
 * with Statuspage's own descriptions.
 */
public enum Indicator {
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

    /** Statuspage's name for it, e.g. {@code critical}. */
    public String value() {
        return value;
    }

    /** Statuspage's description, e.g. {@code Major System Outage}. */
    public String description() {
        return description;
    }

    /** The page's overall state: the worst of its components and its open incidents' impact. */
    public static Indicator of(PublicState state) {
        Indicator worst = NONE;
        for (ComponentView c : state.components()) worst = worst.worse(of(c.effectiveStatus()));
        for (IncidentStory i : state.incidents()) {
            if (i.isActive()) worst = worst.worse(impactOf(i.severity()));
        }
        return worst;
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
    public static Indicator impactOf(Severity severity) {
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
