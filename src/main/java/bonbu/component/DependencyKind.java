package bonbu.component;

/**
 * How a downstream depends on an upstream: {@code REQUIRED} passes the upstream's effective status
 * through unchanged; {@code DEGRADES} turns any trouble upstream into at most degraded performance.
 */
public enum DependencyKind {
    REQUIRED,
    DEGRADES;

    /** What an upstream's effective status makes of a downstream that depends on it this way. */
    public ComponentStatus propagate(ComponentStatus upstreamEffective) {
        if (this == REQUIRED || upstreamEffective == ComponentStatus.OPERATIONAL) {
            return upstreamEffective;
        }
        return ComponentStatus.DEGRADED_PERFORMANCE;
    }
}
