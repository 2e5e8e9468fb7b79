package bonbu.review.hypothesis;

import bonbu.incident.IncidentQueries;
import bonbu.shared.LocalizedText;
import bonbu.shared.problem.ProblemException;
import bonbu.timeline.NewTimelineEntry;
import bonbu.timeline.Timeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Records what may have caused an incident, and how that view changed; publishes the cause. */
@ApplicationScoped
public class HypothesisService {

    @Inject
    IncidentQueries incidents;

    @Inject
    Timeline timeline;

    @Inject
    Clock clock;

    @Transactional
    public HypothesisView suspect(String number, LocalizedText statement, String evidence, String actor) {
        incidents.get(number);
        Instant now = clock.instant();
        CauseHypothesis h = new CauseHypothesis();
        h.incidentNumber = number;
        h.statementKo = statement.ko();
        h.statementEn = statement.en();
        h.status = HypothesisStatus.SUSPECTED;
        h.createdBy = actor;
        h.createdAt = now;
        h.updatedAt = now;
        h.persist();
        keep(h, evidence, actor, now);
        timeline.append(actor, List.of(staff(h, evidence)));
        return view(h);
    }

    /** Confirms or refutes; refuting the published cause withdraws it from the public page. */
    @Transactional
    public HypothesisView decide(String number, long id, HypothesisStatus to, String evidence, String actor) {
        CauseHypothesis h = find(number, id);
        boolean wasPublished = h.published;
        Instant now = clock.instant();
        h.moveTo(to, now);
        keep(h, evidence, actor, now);
        List<NewTimelineEntry> entries = new ArrayList<>();
        entries.add(staff(h, evidence));
        if (wasPublished && !h.published) {
            entries.add(NewTimelineEntry.publicly(number, new HypothesisFact.CauseWithdrawn(h.id)));
        }
        timeline.append(actor, entries);
        return view(h);
    }

    /** Makes a confirmed hypothesis the incident's public cause, replacing any published before. */
    @Transactional
    public HypothesisView publish(String number, long id, String actor) {
        CauseHypothesis h = find(number, id);
        Instant now = clock.instant();
        Long replaced = null;
        for (CauseHypothesis other : CauseHypothesis.of(number)) {
            if (other.published && !other.id.equals(h.id)) {
                other.published = false;
                other.updatedAt = now;
                replaced = other.id;
            }
        }
        // The unique index allows one published cause per incident: unpublish before publishing.
        CauseHypothesis.getEntityManager().flush();
        h.publish(now);
        timeline.append(
                actor,
                List.of(NewTimelineEntry.publicly(
                        number, new HypothesisFact.CausePublished(h.id, h.statement(), replaced))));
        return view(h);
    }

    @Transactional
    public List<HypothesisView> list(String number) {
        incidents.get(number);
        return CauseHypothesis.of(number).stream().map(HypothesisService::view).toList();
    }

    /** The published cause of each incident that has one. */
    @Transactional
    public Map<String, LocalizedText> publishedCauses() {
        Map<String, LocalizedText> causes = new HashMap<>();
        for (CauseHypothesis h : CauseHypothesis.<CauseHypothesis>list("published = true")) {
            causes.put(h.incidentNumber, h.statement());
        }
        return causes;
    }

    private static CauseHypothesis find(String number, long id) {
        CauseHypothesis h = CauseHypothesis.findById(id);
        if (h == null || !h.incidentNumber.equals(number)) {
            throw ProblemException.notFound("Incident " + number + " has no hypothesis " + id + ". GET /api/incidents/"
                    + number + "/hypotheses lists them.");
        }
        return h;
    }

    private static void keep(CauseHypothesis h, String evidence, String actor, Instant at) {
        HypothesisVersion v = new HypothesisVersion();
        long count = HypothesisVersion.count("id.hypothesisId", h.id);
        v.id = new HypothesisVersion.Id(h.id, (int) count + 1);
        v.status = h.status;
        v.statementKo = h.statementKo;
        v.statementEn = h.statementEn;
        v.evidence = evidence;
        v.author = actor;
        v.at = at;
        v.persist();
    }

    /** The staff entry for the version just kept: recorded, confirmed or refuted. */
    private static NewTimelineEntry staff(CauseHypothesis h, String evidence) {
        return NewTimelineEntry.staff(
                h.incidentNumber, HypothesisFact.reached(h.id, h.statement(), h.status, evidence));
    }

    private static HypothesisView view(CauseHypothesis h) {
        CauseHypothesis.getEntityManager().flush();
        return HypothesisView.of(h, HypothesisVersion.of(h.id));
    }
}
