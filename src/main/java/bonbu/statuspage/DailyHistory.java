package bonbu.statuspage;

import bonbu.component.ComponentFact;
import bonbu.component.ComponentFact.EffectiveStatusChanged;
import bonbu.component.ComponentFact.ImpactGroup;
import bonbu.component.ComponentStatus;
import bonbu.shared.Kst;
import bonbu.timeline.Facts;
import bonbu.timeline.TimelineEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The worst effective status of each component on each of the last {@value #DAYS} days (in Korea),
 * worked out from the {@code component.effective_status_changed} entries of the timeline.
 */
final class DailyHistory {

    static final int DAYS = 90;
    static final String ENTRY_TYPE = Facts.typeOf(EffectiveStatusChanged.class);

    private DailyHistory() {}

    /** The first instant the history covers: the start of the oldest day. */
    static Instant windowStart(LocalDate today) {
        return today.minusDays(DAYS - 1).atStartOfDay(Kst.ZONE).toInstant();
    }

    private record Move(Instant at, ComponentStatus from, ComponentStatus to) {}

    /**
     * Per component that was not operational on some day: its worst status per day, oldest first.
     *
     * @param current every public component's effective status now
     * @param entries the effective-status entries since {@link #windowStart}, in seq order
     */
    static Map<String, List<ComponentStatus>> compute(
            LocalDate today, Instant now, Map<String, ComponentStatus> current, List<TimelineEvent> entries) {
        Instant start = windowStart(today);
        Map<String, List<Move>> moves = new HashMap<>();
        for (TimelineEvent e : entries) {
            if (e.at().isBefore(start) || !(e.fact(ComponentFact.class) instanceof EffectiveStatusChanged moved))
                continue;
            if (moved.changes() == null) continue;
            for (ImpactGroup group : moved.changes()) {
                if (group == null || group.from() == null || group.to() == null || group.keys() == null) continue;
                for (String key : group.keys()) {
                    moves.computeIfAbsent(key, k -> new ArrayList<>()).add(new Move(e.at(), group.from(), group.to()));
                }
            }
        }
        Map<String, List<ComponentStatus>> history = new HashMap<>();
        for (Map.Entry<String, ComponentStatus> c : current.entrySet()) {
            List<Move> own = moves.getOrDefault(c.getKey(), List.of());
            ComponentStatus[] days = new ComponentStatus[DAYS];
            Arrays.fill(days, ComponentStatus.OPERATIONAL);
            ComponentStatus held = own.isEmpty() ? c.getValue() : own.get(0).from();
            Instant since = start;
            for (Move m : own) {
                mark(days, today, since, m.at(), held);
                held = m.to();
                since = m.at();
            }
            mark(days, today, since, now.isBefore(since) ? since : now, held);
            boolean clean = Arrays.stream(days).allMatch(s -> s == ComponentStatus.OPERATIONAL);
            if (!clean) history.put(c.getKey(), List.of(days));
        }
        return history;
    }

    /** Records that {@code status} held from {@code from} to {@code to} on every day it touched. */
    private static void mark(
            ComponentStatus[] days, LocalDate today, Instant from, Instant to, ComponentStatus status) {
        if (status == ComponentStatus.OPERATIONAL) return;
        LocalDate first = today.minusDays(DAYS - 1);
        long a = ChronoUnit.DAYS.between(first, Kst.day(from));
        long b = ChronoUnit.DAYS.between(first, Kst.day(to));
        for (long d = Math.max(0, a); d <= Math.min(DAYS - 1, b); d++) {
            if (status.isWorseThan(days[(int) d])) days[(int) d] = status;
        }
    }
}
