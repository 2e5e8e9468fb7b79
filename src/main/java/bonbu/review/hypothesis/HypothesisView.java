package bonbu.review.hypothesis;

import bonbu.shared.LocalizedText;
import java.time.Instant;
import java.util.List;

/** A cause hypothesis with every version kept, oldest first. */
public record HypothesisView(
        long id,
        String incident,
        LocalizedText statement,
        HypothesisStatus status,
        boolean published,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        List<Step> versions) {

    /** One version: the status it reached, the statement, the evidence, who and when. */
    public record Step(
            int version,
            HypothesisStatus status,
            LocalizedText statement,
            String evidence,
            String author,
            Instant at) {}

    static HypothesisView of(CauseHypothesis h, List<HypothesisVersion> versions) {
        return new HypothesisView(
                h.id,
                h.incidentNumber,
                h.statement(),
                h.status,
                h.published,
                h.createdBy,
                h.createdAt,
                h.updatedAt,
                versions.stream()
                        .map(v -> new Step(
                                v.id.version(),
                                v.status,
                                new LocalizedText(v.statementKo, v.statementEn),
                                v.evidence,
                                v.author,
                                v.at))
                        .toList());
    }
}
