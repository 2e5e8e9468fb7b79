package bonbu.review.hypothesis;

import bonbu.shared.LocalizedText;
import bonbu.timeline.Fact;

/**
 * What happened to an incident's cause hypotheses, as the timeline keeps it: each version for
 * staff, and the published cause (or its withdrawal) for the public.
 */
public sealed interface HypothesisFact extends Fact {

    /** A suspected cause was recorded with what points to it. */
    @Fact.Type("incident.hypothesis_recorded")
    record HypothesisRecorded(long hypothesis, LocalizedText statement, HypothesisStatus status, String evidence)
            implements HypothesisFact {}

    /** A hypothesis was confirmed, on the evidence given. */
    @Fact.Type("incident.hypothesis_confirmed")
    record HypothesisConfirmed(long hypothesis, LocalizedText statement, HypothesisStatus status, String evidence)
            implements HypothesisFact {}

    /** A hypothesis was refuted, on the evidence given. */
    @Fact.Type("incident.hypothesis_refuted")
    record HypothesisRefuted(long hypothesis, LocalizedText statement, HypothesisStatus status, String evidence)
            implements HypothesisFact {}

    /** A confirmed hypothesis became the public cause; {@code replaces} is the one it replaced, or null. */
    @Fact.Type("incident.cause_published")
    record CausePublished(long hypothesis, LocalizedText cause, Long replaces) implements HypothesisFact {}

    /** The published cause was refuted and taken off the public page. */
    @Fact.Type("incident.cause_withdrawn")
    record CauseWithdrawn(long hypothesis) implements HypothesisFact {}

    /** The fact of a hypothesis reaching {@code status}, with the evidence for it. */
    static HypothesisFact reached(long hypothesis, LocalizedText statement, HypothesisStatus status, String evidence) {
        return switch (status) {
            case SUSPECTED -> new HypothesisRecorded(hypothesis, statement, status, evidence);
            case CONFIRMED -> new HypothesisConfirmed(hypothesis, statement, status, evidence);
            case REFUTED -> new HypothesisRefuted(hypothesis, statement, status, evidence);
        };
    }
}
