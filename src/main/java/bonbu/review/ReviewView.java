package bonbu.review;

import bonbu.incident.terms.IncidentStatus;
import bonbu.incident.terms.LinkKind;
import bonbu.incident.terms.Severity;
import bonbu.review.action.ActionView;
import bonbu.review.hypothesis.HypothesisView;
import bonbu.review.record.IncidentRecord;
import bonbu.review.record.Measures;
import bonbu.shared.LocalizedText;
import bonbu.timeline.integrity.ChainCheck;
import java.time.Instant;
import java.util.List;

/**
 * A post-incident review: summary, impact, timeline highlights, the history of cause hypotheses,
 * contributing factors, measures, related incidents with the time between them, and follow-up
 * actions, with the timeline's verification.
 */
public record ReviewView(
        String incident,
        LocalizedText title,
        IncidentStatus status,
        Severity severity,
        String summary,
        String impact,
        List<String> contributingFactors,
        boolean highlightsChosen,
        List<IncidentRecord.Entry> highlights,
        List<HypothesisView> hypotheses,
        Measures measures,
        List<Related> related,
        List<ActionView> actions,
        ChainCheck verification,
        String updatedBy,
        Instant updatedAt,
        long version) {

    /**
     * An incident linked to this one (recurrence or related), with how far apart they started:
     * {@code minutesApart} is positive when the other came later.
     */
    public record Related(
            String number,
            LocalizedText title,
            LinkKind kind,
            String direction,
            IncidentStatus status,
            Instant detectedAt,
            long minutesApart,
            String apart) {}
}
