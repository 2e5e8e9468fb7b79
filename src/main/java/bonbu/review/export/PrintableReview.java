package bonbu.review.export;

import bonbu.incident.IncidentView;
import bonbu.review.ReviewView;
import bonbu.review.action.ActionView;
import bonbu.review.hypothesis.HypothesisView;
import bonbu.review.record.IncidentRecord;
import bonbu.review.record.Measures;
import bonbu.shared.Kst;
import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the printable review page shows, already formatted: the template does no formatting. */
@TemplateData
record PrintableReview(
        String number,
        String titleKo,
        String titleEn,
        String status,
        String severity,
        String verification,
        boolean verified,
        String checkpointMessage,
        List<Key> checkpointKeys,
        List<String> checkpoints,
        String checkpointNote,
        List<KeyTime> keyTimes,
        String toDeclare,
        String toMitigate,
        String toResolve,
        List<Component> components,
        List<Update> updates,
        List<Day> days,
        String summary,
        String impact,
        List<String> factors,
        List<Hypothesis> hypotheses,
        List<Related> related,
        List<Action> actions) {

    @TemplateData
    record Key(String id, String publicKey) {}

    @TemplateData
    record KeyTime(String label, String at) {}

    @TemplateData
    record Component(
            String name, String key, int tier, String direct, long minutes, String byStatus, long target, String met) {}

    @TemplateData
    record Update(String at, String status, String ko, String en) {}

    @TemplateData
    record Day(String date, List<Entry> entries) {}

    @TemplateData
    record Entry(
            long seq, String time, String utc, String type, String audience, String actor, String data, String hash) {}

    @TemplateData
    record Hypothesis(String statement, String status, List<Step> steps) {}

    @TemplateData
    record Step(String at, String status, String author, String evidence) {}

    @TemplateData
    record Related(String number, String title, String kind, String started, String apart) {}

    @TemplateData
    record Action(long id, String title, String owner, String due, String status) {}

    static PrintableReview of(Exports x) {
        IncidentView incident = x.incident;
        Measures measures = x.measures;
        ReviewView review = x.review;
        Anchoring anchoring = x.anchoring;
        List<Update> updates = new ArrayList<>(incident.updates().stream()
                .map(u -> new Update(
                        Kst.seconds(u.publishedAt()),
                        u.status().value(),
                        u.message().ko(),
                        u.message().en() == null ? "" : u.message().en()))
                .toList());
        Collections.reverse(updates);
        return new PrintableReview(
                incident.number(),
                incident.title().ko(),
                incident.title().en(),
                incident.status().value(),
                incident.severity().name(),
                x.verificationLine(),
                x.record.verification().ok(),
                anchoring.message().replace("\n", "\\n"),
                anchoring.keys().stream()
                        .map(k -> new Key(k.id(), k.publicKey()))
                        .toList(),
                anchoring.covering().stream().map(Exports::checkpointLine).toList(),
                anchoring.note() == null ? "" : anchoring.note(),
                keyTimes(incident.keyTimes()),
                Exports.orDash(measures.minutesToDeclare()),
                Exports.orDash(measures.minutesToMitigate()),
                Exports.orDash(measures.minutesToResolve()),
                measures.components().stream().map(PrintableReview::component).toList(),
                updates,
                x.record.days().stream()
                        .map(d -> new Day(
                                d.date(),
                                d.entries().stream().map(e -> entry(x, e)).toList()))
                        .toList(),
                Exports.orNone(review.summary()),
                Exports.orNone(review.impact()),
                review.contributingFactors(),
                review.hypotheses().stream().map(PrintableReview::hypothesis).toList(),
                review.related().stream()
                        .map(r -> new Related(
                                r.number(), r.title().ko(), r.kind().name(), Kst.seconds(r.detectedAt()), r.apart()))
                        .toList(),
                review.actions().stream().map(PrintableReview::action).toList());
    }

    private static List<KeyTime> keyTimes(IncidentView.KeyTimes k) {
        return List.of(
                keyTime("Detected · 인지", k.detectedAt()),
                keyTime("Declared · 선포", k.declaredAt()),
                keyTime("Identified · 원인 확인", k.identifiedAt()),
                keyTime("Mitigated · 복구 조치", k.mitigatedAt()),
                keyTime("Resolved · 해결", k.resolvedAt()));
    }

    private static KeyTime keyTime(String label, Instant at) {
        return new KeyTime(label, at == null ? "—" : Kst.seconds(at));
    }

    private static Component component(Measures.ComponentImpact c) {
        return new Component(
                c.name().ko(),
                c.key(),
                c.tier(),
                c.direct() ? "yes" : "no",
                c.minutesNotOperational(),
                c.minutes().toString(),
                c.recoveryTargetMinutes(),
                Exports.met(c.targetMet()));
    }

    private static Entry entry(Exports x, IncidentRecord.Entry e) {
        return new Entry(
                e.seq(),
                e.atKst().substring(11),
                e.at().toString(),
                e.type(),
                e.audience(),
                e.actor(),
                x.toJson(e.data()),
                e.hash());
    }

    private static Hypothesis hypothesis(HypothesisView h) {
        return new Hypothesis(
                h.statement().ko(),
                h.status().value() + (h.published() ? " (published)" : ""),
                h.versions().stream()
                        .map(v -> new Step(Kst.seconds(v.at()), v.status().value(), v.author(), v.evidence()))
                        .toList());
    }

    private static Action action(ActionView a) {
        return new Action(
                a.id(),
                a.title(),
                a.owner(),
                a.dueDate().toString(),
                a.status().value() + (a.overdue() ? " (overdue)" : ""));
    }
}
