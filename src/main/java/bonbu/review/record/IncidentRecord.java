package bonbu.review.record;

import bonbu.incident.IncidentView;
import bonbu.incident.terms.IncidentStatus;
import bonbu.shared.Kst;
import bonbu.timeline.integrity.ChainCheck;
import bonbu.timeline.integrity.CheckpointCheck;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An incident's timeline as ministry staff read it: its entries (filtered as asked) grouped by
 * day in Korea, each with the time in Korea and in UTC and its hash, and the chain check.
 */
public record IncidentRecord(
        String incident,
        String timeZone,
        boolean active,
        RecordService.Filter filters,
        int count,
        List<Day> days,
        ChainCheck verification) {

    /** The entries of one day (Korea Standard Time). */
    public record Day(String date, List<Entry> entries) {}

    /** One timeline entry. {@code at} is UTC; {@code atKst} the same instant in Korea. */
    public record Entry(
            long seq,
            Instant at,
            String atKst,
            String type,
            String audience,
            String actor,
            Map<String, Object> data,
            String hash,
            String origin) {}

    /** The same record narrowed by a filter, without reading anything again. */
    public IncidentRecord narrowed(RecordService.Filter filter) {
        List<Entry> kept = days.stream()
                .flatMap(d -> d.entries().stream())
                .filter(filter::keeps)
                .toList();
        return of(incident, active, filter, kept, verification);
    }

    /** The chain check in one line, as the exports and the timeline page state it. */
    public static String verificationLine(ChainCheck check) {
        if (!check.ok()) {
            return check.firstBrokenSeq() != null
                    ? "Timeline verification: BROKEN at seq " + check.firstBrokenSeq() + " — " + check.problem()
                    : "Timeline verification: BROKEN at the checkpoint of seq "
                            + check.checkpoints().disagreeing().seq() + " — " + check.problem();
        }
        CheckpointCheck anchors = check.checkpoints();
        String checked = anchors == null || "ABSENT".equals(anchors.status())
                ? "; no checkpoint key, so no signed checkpoint was checked"
                : "; " + anchors.checked() + " signed checkpoint" + (anchors.checked() == 1 ? "" : "s") + " agree";
        return "Timeline verification: OK — " + check.entries() + " entries, last seq " + check.lastSeq() + ", hash "
                + check.lastHash() + checked;
    }

    static IncidentRecord of(
            IncidentView incident, RecordService.Filter filters, List<Entry> entries, ChainCheck check) {
        return of(incident.number(), incident.status() != IncidentStatus.RESOLVED, filters, entries, check);
    }

    private static IncidentRecord of(
            String incident, boolean active, RecordService.Filter filters, List<Entry> entries, ChainCheck check) {
        LinkedHashMap<String, List<Entry>> byDay = new LinkedHashMap<>();
        for (Entry e : entries) {
            byDay.computeIfAbsent(e.atKst().substring(0, 10), d -> new ArrayList<>())
                    .add(e);
        }
        List<Day> days = byDay.entrySet().stream()
                .map(d -> new Day(d.getKey(), List.copyOf(d.getValue())))
                .toList();
        return new IncidentRecord(incident, Kst.ZONE.getId(), active, filters, entries.size(), days, check);
    }
}
