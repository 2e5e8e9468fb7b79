package bonbu.review.record;

import bonbu.component.Catalog;
import bonbu.component.ComponentFact.CatalogImpact;
import bonbu.incident.IncidentQueries;
import bonbu.incident.IncidentView;
import bonbu.shared.Kst;
import bonbu.shared.problem.ProblemException;
import bonbu.timeline.Timeline;
import bonbu.timeline.integrity.ChainVerifier;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads an incident's record: its timeline, filtered, with the hash chain checked. */
@ApplicationScoped
public class RecordService {

    @Inject
    IncidentQueries incidents;

    @Inject
    Timeline timeline;

    @Inject
    ChainVerifier verifier;

    @Inject
    Catalog catalog;

    @Inject
    ReviewConfig config;

    @Inject
    Clock clock;

    /** Key times, durations, and per-component minutes against the tier's recovery target. */
    @Transactional
    public Measures measures(String number) {
        IncidentView incident = incidents.get(number);
        IncidentView.KeyTimes times = incident.keyTimes();
        Instant end = times.resolvedAt() != null ? times.resolvedAt() : clock.instant();
        var impacts = timeline.ofType(CatalogImpact.class, times.detectedAt());
        Set<String> direct = new LinkedHashSet<>();
        incident.components().stream().filter(IncidentView.Affected::direct).forEach(a -> direct.add(a.key()));
        Set<String> keys = new LinkedHashSet<>(direct);
        keys.addAll(Measures.movedBy(impacts, number));
        List<Measures.Component> touched = new ArrayList<>();
        for (String key : keys) {
            var c = catalog.get(key);
            touched.add(new Measures.Component(key, c.name(), c.tier(), direct.contains(key)));
        }
        return Measures.of(
                times, end, touched, impacts, tier -> config.recoveryTarget().of(tier));
    }

    /**
     * What to keep: each filter is optional; {@code component} matches entries that name the key.
     * In JSON only the filters that are set appear.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Filter(String type, String audience, String actor, String component) {

        /** Keeps everything. */
        public static final Filter NONE = new Filter(null, null, null, null);

        public static Filter of(String type, String audience, String actor, String component) {
            String a = blankToNull(audience);
            if (a != null) {
                a = a.toUpperCase(Locale.ROOT);
                if (!List.of("PUBLIC", "STAFF").contains(a)) {
                    throw ProblemException.notOneOf("audience", audience, List.of("PUBLIC", "STAFF"));
                }
            }
            return new Filter(blankToNull(type), a, blankToNull(actor), blankToNull(component));
        }

        boolean keeps(IncidentRecord.Entry e) {
            if (type != null && !(e.type().equals(type) || e.type().startsWith(type + "."))) return false;
            if (audience != null && !e.audience().equals(audience)) return false;
            if (actor != null && !e.actor().equals(actor)) return false;
            return component == null || mentions(e.data(), component);
        }

        private static boolean mentions(Object value, String key) {
            if (value instanceof String s) return s.equals(key);
            if (value instanceof Map<?, ?> m) {
                for (Object v : m.values()) if (mentions(v, key)) return true;
                return m.containsKey(key);
            }
            if (value instanceof Iterable<?> items) {
                for (Object v : items) if (mentions(v, key)) return true;
            }
            return false;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    @Transactional
    public IncidentRecord record(String number, Filter filter) {
        IncidentView incident = incidents.get(number);
        List<IncidentRecord.Entry> entries = timeline.recordOf(number).stream()
                .map(RecordService::entry)
                .filter(filter::keeps)
                .toList();
        return IncidentRecord.of(incident, filter, entries, verifier.incident(number));
    }

    private static IncidentRecord.Entry entry(Timeline.Recorded r) {
        var e = r.entry();
        return new IncidentRecord.Entry(
                e.seq(),
                e.at(),
                Kst.seconds(e.at()),
                e.type(),
                e.audience().name(),
                e.actor(),
                e.data(),
                r.hash(),
                r.origin());
    }
}
