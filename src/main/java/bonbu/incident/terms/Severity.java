package bonbu.incident.terms;

import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import java.util.Collection;

/** How bad an incident is, SEV1 (worst) to SEV4. */
public enum Severity {
    SEV1,
    SEV2,
    SEV3,
    SEV4;

    public boolean isWorseThan(Severity other) {
        return ordinal() < other.ordinal();
    }

    /**
     * The severity one affected component implies: SEV1 for a tier-1 component in partial or major
     * outage; SEV2 for tier-1 degraded or tier-2 partial/major; SEV3 for tier-2 degraded or tier-3
     * partial/major; SEV4 otherwise. Maintenance counts as degraded.
     */
    public static Severity of(int tier, ComponentStatus status) {
        boolean outage = status == ComponentStatus.PARTIAL_OUTAGE || status == ComponentStatus.MAJOR_OUTAGE;
        boolean degraded =
                status == ComponentStatus.DEGRADED_PERFORMANCE || status == ComponentStatus.UNDER_MAINTENANCE;
        if (tier == 1 && outage) return SEV1;
        if ((tier == 1 && degraded) || (tier == 2 && outage)) return SEV2;
        if ((tier == 2 && degraded) || (tier == 3 && outage)) return SEV3;
        return SEV4;
    }

    /** The worst severity among the affected components, by their effective status. */
    public static Severity derive(Collection<ComponentView> affected) {
        Severity worst = SEV4;
        for (ComponentView c : affected) {
            Severity s = of(c.tier(), c.effectiveStatus());
            if (s.isWorseThan(worst)) worst = s;
        }
        return worst;
    }
}
