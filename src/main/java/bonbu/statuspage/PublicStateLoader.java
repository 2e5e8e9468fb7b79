package bonbu.statuspage;

import bonbu.component.ComponentFact;
import bonbu.component.ComponentFact.EffectiveStatusChanged;
import bonbu.component.ComponentFact.ImpactGroup;
import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.incident.IncidentQueries;
import bonbu.incident.IncidentStory;
import bonbu.maintenance.MaintenanceService;
import bonbu.maintenance.MaintenanceStatus;
import bonbu.maintenance.MaintenanceView;
import bonbu.shared.Kst;
import bonbu.timeline.Timeline;
import bonbu.timeline.TimelineEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads what the public may see from the database, in one transaction. */
@ApplicationScoped
class PublicStateLoader {

    @Inject
    PublicProjection projection;

    @Inject
    IncidentQueries incidents;

    @Inject
    MaintenanceService maintenances;

    @Inject
    Timeline timeline;

    @Inject
    bonbu.review.hypothesis.HypothesisService hypotheses;

    @Inject
    Clock clock;

    @Transactional
    PublicState load() {
        // The sequence number first: everything read after it includes at least those entries.
        long seq = timeline.lastSeq();
        Instant now = clock.instant();
        LocalDate today = Kst.day(now);
        List<ComponentView> visible = projection.components();
        List<IncidentStory> stories = incidents.stories();
        List<MaintenanceView> windows = maintenances.list(EnumSet.allOf(MaintenanceStatus.class));
        Map<String, ComponentStatus> current = new LinkedHashMap<>();
        for (ComponentView c : visible) current.put(c.key(), c.effectiveStatus());
        Map<String, List<ComponentStatus>> history = DailyHistory.compute(
                today, now, current, timeline.ofType(EffectiveStatusChanged.class, DailyHistory.windowStart(today)));
        return new PublicState(
                seq,
                now,
                visible,
                stories,
                windows,
                Map.copyOf(history),
                today,
                touched(),
                Map.copyOf(hypotheses.publishedCauses()));
    }

    /** Incident number → public components its changes moved; grows as entries come. */
    private final Map<String, Set<String>> touched = new HashMap<>();

    private long touchedUpTo;

    /**
     * Which public components each incident moved, from the effective-status entries made on its
     * behalf: a resolved incident still names what it took down. Read incrementally.
     */
    private synchronized Map<String, Set<String>> touched() {
        for (TimelineEvent e : timeline.ofTypeAboutIncidents(EffectiveStatusChanged.class, touchedUpTo)) {
            if (e.fact(ComponentFact.class) instanceof EffectiveStatusChanged moved && moved.changes() != null) {
                for (ImpactGroup group : moved.changes()) {
                    if (group != null && group.keys() != null) {
                        touched.computeIfAbsent(e.incident(), k -> new LinkedHashSet<>())
                                .addAll(group.keys());
                    }
                }
            }
            touchedUpTo = Math.max(touchedUpTo, e.seq());
        }
        Map<String, Set<String>> copy = new HashMap<>();
        touched.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        return Map.copyOf(copy);
    }
}
