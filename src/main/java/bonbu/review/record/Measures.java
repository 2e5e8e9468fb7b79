package bonbu.review.record;

import bonbu.component.ComponentFact;
import bonbu.component.ComponentFact.Impact;
import bonbu.component.ComponentFact.ImpactGroup;
import bonbu.component.ComponentStatus;
import bonbu.incident.IncidentView;
import bonbu.shared.LocalizedText;
import bonbu.timeline.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * What an incident cost, in minutes: from detection to declaration, mitigation and resolution, and
 * per affected component (directly or through dependencies) the minutes spent in each
 * non-operational status and whether its tier's recovery-time target was met.
 */
public record Measures(
        IncidentView.KeyTimes keyTimes,
        Long minutesToDeclare,
        Long minutesToMitigate,
        Long minutesToResolve,
        List<ComponentImpact> components) {

    /**
     * One component's impact during the incident.
     *
     * @param minutes minutes per non-operational status (e.g. {@code major_outage: 1530})
     * @param targetMet null while it is still down and within its target
     */
    public record ComponentImpact(
            String key,
            LocalizedText name,
            int tier,
            boolean direct,
            Map<String, Long> minutes,
            long minutesNotOperational,
            Instant firstDownAt,
            Instant restoredAt,
            long recoveryTargetMinutes,
            Boolean targetMet) {}

    /** A component as the calculation needs it. */
    record Component(String key, LocalizedText name, int tier, boolean direct) {}

    /**
     * Works out the measures from the {@code catalog.impact} entries (every effective-status move,
     * in seq order) between detection and {@code end} (resolution, or now while active).
     *
     * @param touched the components the incident affected: its own and those its changes moved
     */
    static Measures of(
            IncidentView.KeyTimes times,
            Instant end,
            List<Component> touched,
            List<TimelineEvent> impacts,
            IntFunction<Duration> targetOfTier) {
        Instant from = times.detectedAt();
        List<ComponentImpact> components = new ArrayList<>();
        for (Component c : touched) {
            List<Object[]> moves = new ArrayList<>(); // {at, from, to}
            for (TimelineEvent e : impacts) {
                if (e.at().isBefore(from) || e.at().isAfter(end)) continue;
                for (ImpactGroup group : groups(e)) {
                    if (group.keys() != null && group.keys().contains(c.key())) {
                        moves.add(new Object[] {e.at(), status(group.from()), status(group.to())});
                    }
                }
            }
            Map<ComponentStatus, Long> seconds = new EnumMap<>(ComponentStatus.class);
            ComponentStatus held = moves.isEmpty() ? ComponentStatus.OPERATIONAL : (ComponentStatus) moves.get(0)[1];
            Instant since = from;
            Instant firstDown = held == ComponentStatus.OPERATIONAL ? null : from;
            Instant restored = null;
            for (Object[] m : moves) {
                Instant at = (Instant) m[0];
                add(seconds, held, since, at);
                held = (ComponentStatus) m[2];
                since = at;
                if (held != ComponentStatus.OPERATIONAL && firstDown == null) firstDown = at;
                restored = held == ComponentStatus.OPERATIONAL ? at : null;
            }
            add(seconds, held, since, end);
            if (firstDown == null) continue; // never down during the incident
            Map<String, Long> minutes = new LinkedHashMap<>();
            long total = 0;
            for (Map.Entry<ComponentStatus, Long> s : seconds.entrySet()) {
                long m = Math.round(s.getValue() / 60.0);
                minutes.put(s.getKey().value(), m);
                total += s.getValue();
            }
            Duration target = targetOfTier.apply(c.tier());
            Boolean met;
            if (restored != null) {
                met = Duration.between(firstDown, restored).compareTo(target) <= 0;
            } else {
                met = Duration.between(firstDown, end).compareTo(target) > 0 ? Boolean.FALSE : null;
            }
            components.add(new ComponentImpact(
                    c.key(),
                    c.name(),
                    c.tier(),
                    c.direct(),
                    minutes,
                    Math.round(total / 60.0),
                    firstDown,
                    restored,
                    target.toMinutes(),
                    met));
        }
        return new Measures(
                times,
                minutes(from, times.declaredAt()),
                minutes(from, times.mitigatedAt()),
                minutes(from, times.resolvedAt()),
                components);
    }

    /** Keys that the incident's own impact entries moved. */
    static Set<String> movedBy(List<TimelineEvent> impacts, String incident) {
        Set<String> keys = new LinkedHashSet<>();
        for (TimelineEvent e : impacts) {
            if (!incident.equals(e.incident())) continue;
            for (ImpactGroup group : groups(e)) {
                if (group.keys() != null) keys.addAll(group.keys());
            }
        }
        return keys;
    }

    /** The groups of an effective-status entry (staff or public); none for any other entry. */
    private static List<ImpactGroup> groups(TimelineEvent e) {
        if (!(e.fact(ComponentFact.class) instanceof Impact impact) || impact.changes() == null) return List.of();
        return impact.changes().stream().filter(Objects::nonNull).toList();
    }

    private static void add(Map<ComponentStatus, Long> seconds, ComponentStatus s, Instant from, Instant to) {
        if (s == ComponentStatus.OPERATIONAL || !to.isAfter(from)) return;
        seconds.merge(s, Duration.between(from, to).toSeconds(), Long::sum);
    }

    /** A group's status; one the entry left out counts as operational. */
    private static ComponentStatus status(ComponentStatus value) {
        return value == null ? ComponentStatus.OPERATIONAL : value;
    }

    private static Long minutes(Instant from, Instant to) {
        return to == null ? null : Duration.between(from, to).toMinutes();
    }
}
