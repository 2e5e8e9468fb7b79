package bonbu.review;

import bonbu.incident.IncidentQueries;
import bonbu.incident.IncidentView;
import bonbu.review.action.ActionService;
import bonbu.review.hypothesis.HypothesisService;
import bonbu.review.record.IncidentRecord;
import bonbu.review.record.RecordService;
import bonbu.shared.problem.DomainException;
import bonbu.shared.problem.ProblemException;
import bonbu.timeline.NewTimelineEntry;
import bonbu.timeline.Timeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Writes and reads post-incident reviews, around the record, hypotheses and follow-up actions. */
@ApplicationScoped
public class ReviewService {

    @Inject
    IncidentQueries incidents;

    @Inject
    RecordService records;

    @Inject
    HypothesisService hypotheses;

    @Inject
    ActionService actions;

    @Inject
    Timeline timeline;

    @Inject
    Clock clock;

    /** The written part of a review, replacing what was there. */
    public record WriteReview(
            String summary, String impact, List<String> contributingFactors, List<Long> highlights, Long version) {}

    @Transactional
    public ReviewView review(String number) {
        return review(number, records.record(number, RecordService.Filter.NONE));
    }

    /** The review, around an incident's whole record already read. */
    @Transactional
    public ReviewView review(String number, IncidentRecord record) {
        IncidentView incident = incidents.get(number);
        IncidentReview written = IncidentReview.findById(number);
        List<IncidentRecord.Entry> all =
                record.days().stream().flatMap(d -> d.entries().stream()).toList();
        boolean chosen = written != null && !written.highlights.isEmpty();
        Set<Long> wanted = chosen ? new HashSet<>(written.highlights) : Set.of();
        List<IncidentRecord.Entry> highlights = all.stream()
                .filter(e -> chosen ? wanted.contains(e.seq()) : "PUBLIC".equals(e.audience()))
                .toList();
        return new ReviewView(
                number,
                incident.title(),
                incident.status(),
                incident.severity(),
                written == null ? "" : written.summary,
                written == null ? "" : written.impact,
                written == null ? List.of() : List.copyOf(written.contributingFactors),
                chosen,
                highlights,
                hypotheses.list(number),
                records.measures(number),
                related(incident),
                actions.of(number),
                record.verification(),
                written == null ? null : written.updatedBy,
                written == null ? null : written.updatedAt,
                written == null ? 0 : written.version);
    }

    @Transactional
    public ReviewView write(String number, WriteReview request, String actor) {
        incidents.get(number);
        IncidentReview review = IncidentReview.findById(number);
        if (request.version() != null && review != null && request.version() != review.version) {
            throw new DomainException("The review of " + number + " changed while you were editing it (you had version "
                    + request.version() + ", it is now " + review.version + "). Nothing of yours was saved;"
                    + " reload it and try again.");
        }
        List<Long> highlights = request.highlights() == null ? List.of() : request.highlights();
        if (!highlights.isEmpty()) {
            Set<Long> ofIncident = new HashSet<>();
            timeline.recordOf(number).forEach(r -> ofIncident.add(r.entry().seq()));
            List<Long> foreign =
                    highlights.stream().filter(s -> !ofIncident.contains(s)).toList();
            if (!foreign.isEmpty()) {
                throw ProblemException.badRequest("highlights: entries " + foreign + " are not in " + number
                        + "'s timeline. GET /api/incidents/" + number + "/timeline lists its entries.");
            }
        }
        Instant now = clock.instant();
        if (review == null) {
            review = new IncidentReview();
            review.incidentNumber = number;
        }
        review.summary = blank(request.summary());
        review.impact = blank(request.impact());
        review.contributingFactors = request.contributingFactors() == null
                ? new ArrayList<>()
                : new ArrayList<>(request.contributingFactors().stream()
                        .map(String::strip)
                        .toList());
        review.highlights = new ArrayList<>(highlights);
        review.updatedBy = actor;
        review.updatedAt = now;
        review.persist();
        timeline.append(
                actor,
                List.of(NewTimelineEntry.staff(
                        number, new ReviewFact.ReviewUpdated(review.summary, review.contributingFactors))));
        IncidentReview.getEntityManager().flush();
        return review(number);
    }

    private List<ReviewView.Related> related(IncidentView incident) {
        List<ReviewView.Related> related = new ArrayList<>();
        for (IncidentView.Link link : incident.links()) {
            IncidentView other = incidents.get(link.number());
            Duration apart = Duration.between(
                    incident.keyTimes().detectedAt(), other.keyTimes().detectedAt());
            related.add(new ReviewView.Related(
                    other.number(),
                    other.title(),
                    link.kind(),
                    link.direction(),
                    other.status(),
                    other.keyTimes().detectedAt(),
                    apart.toMinutes(),
                    describe(apart.abs()) + (apart.isNegative() ? " before" : " after")));
        }
        return related;
    }

    private static String describe(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        StringBuilder s = new StringBuilder();
        if (days > 0) s.append(days).append(" d ");
        if (hours > 0) s.append(hours).append(" h ");
        if (minutes > 0 || s.isEmpty()) s.append(minutes).append(" min");
        return s.toString().strip();
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }
}
