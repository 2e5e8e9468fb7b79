package bonbu.review;

import bonbu.timeline.Fact;
import java.util.List;

/** What happened to an incident's written review, as the timeline keeps it (staff only). */
public sealed interface ReviewFact extends Fact {

    /** The written part of the review was replaced; the summary and factors as they now read. */
    @Fact.Type("review.updated")
    record ReviewUpdated(String summary, List<String> contributingFactors) implements ReviewFact {}
}
