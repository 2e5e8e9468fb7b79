package bonbu.review.export;

import bonbu.incident.IncidentView;
import bonbu.review.ReviewView;
import bonbu.review.action.ActionView;
import bonbu.review.hypothesis.HypothesisView;
import bonbu.review.record.IncidentRecord;
import bonbu.review.record.Measures;
import bonbu.shared.Kst;
import bonbu.timeline.integrity.CheckpointView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The Markdown export: the review, key times, impact, updates, checkpoints and every entry, for people. */
final class MarkdownExport {

    private final Exports x;
    private final IncidentView incident;
    private final Measures measures;
    private final IncidentRecord record;
    private final ReviewView review;
    private final Anchoring anchoring;

    MarkdownExport(Exports exports) {
        this.x = exports;
        this.incident = exports.incident;
        this.measures = exports.measures;
        this.record = exports.record;
        this.review = exports.review;
        this.anchoring = exports.anchoring;
    }

    String render() {
        StringBuilder md = new StringBuilder();
        md.append("# ")
                .append(incident.number())
                .append(" — ")
                .append(SafeMarkdown.inline(incident.title().ko()))
                .append("\n\n");
        if (incident.title().en() != null)
            md.append("*").append(SafeMarkdown.inline(incident.title().en())).append("*\n\n");
        md.append("- Status: ").append(incident.status()).append("\n");
        md.append("- Severity: ").append(incident.severity()).append("\n");
        md.append("- ").append(x.verificationLine()).append("\n\n");
        md.append("## Key times (KST)\n\n| stage | time |\n|---|---|\n");
        var k = incident.keyTimes();
        keyTime(md, "detected", k.detectedAt());
        keyTime(md, "declared", k.declaredAt());
        keyTime(md, "identified", k.identifiedAt());
        keyTime(md, "mitigated", k.mitigatedAt());
        keyTime(md, "resolved", k.resolvedAt());
        md.append("\n- Minutes to declare: ")
                .append(Exports.orDash(measures.minutesToDeclare()))
                .append("\n- Minutes to mitigate: ")
                .append(Exports.orDash(measures.minutesToMitigate()))
                .append("\n- Minutes to resolve: ")
                .append(Exports.orDash(measures.minutesToResolve()))
                .append("\n\n");
        reviewSections(md);
        md.append(
                        "## Affected components\n\n| component | tier | direct | minutes not operational | by status | target (min) | met |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Measures.ComponentImpact c : measures.components()) {
            md.append("| ")
                    .append(cell(c.name().ko()))
                    .append(" (`")
                    .append(c.key())
                    .append("`) | ")
                    .append(c.tier())
                    .append(" | ")
                    .append(c.direct() ? "yes" : "no")
                    .append(" | ")
                    .append(c.minutesNotOperational())
                    .append(" | ")
                    .append(cell(c.minutes().toString()))
                    .append(" | ")
                    .append(c.recoveryTargetMinutes())
                    .append(" | ")
                    .append(Exports.met(c.targetMet()))
                    .append(" |\n");
        }
        md.append("\n## Public updates\n\n");
        List<IncidentView.Update> updates = new ArrayList<>(incident.updates());
        Collections.reverse(updates);
        for (IncidentView.Update u : updates) {
            md.append("- ")
                    .append(Kst.seconds(u.publishedAt()))
                    .append(" — **")
                    .append(u.status())
                    .append("**: ")
                    .append(cell(u.message().ko()));
            if (u.message().en() != null)
                md.append(" / ").append(cell(u.message().en()));
            md.append("\n");
        }
        checkpointSection(md);
        md.append("\n## Timeline\n\n");
        for (IncidentRecord.Day day : record.days()) {
            md.append("### ")
                    .append(day.date())
                    .append("\n\n| seq | time (KST) | type | audience | actor | data | hash |\n")
                    .append("|---|---|---|---|---|---|---|\n");
            for (IncidentRecord.Entry e : day.entries()) {
                md.append("| ")
                        .append(e.seq())
                        .append(" | ")
                        .append(e.atKst().substring(11))
                        .append(" | ")
                        .append(e.type())
                        .append(" | ")
                        .append(e.audience())
                        .append(" | ")
                        .append(cell(e.actor()))
                        .append(" | ")
                        .append(cell(x.toJson(e.data())))
                        .append(" | `")
                        .append(e.hash(), 0, 16)
                        .append("…` |\n");
            }
            md.append("\n");
        }
        return md.toString();
    }

    private void checkpointSection(StringBuilder md) {
        md.append("\n## Signed checkpoints\n\n");
        md.append("Each signs, with ")
                .append(anchoring.algorithm())
                .append(", the UTF-8 text `")
                .append(anchoring.message().replace("\n", "\\n"))
                .append("`. Public keys:\n\n");
        for (var k : anchoring.keys()) {
            md.append("- `").append(k.id()).append("`: `").append(k.publicKey()).append("`\n");
        }
        md.append("\n");
        for (CheckpointView c : anchoring.covering()) {
            md.append("- ").append(Exports.checkpointLine(c)).append("\n");
        }
        if (anchoring.note() != null) md.append("\n").append(anchoring.note()).append("\n");
    }

    private void reviewSections(StringBuilder md) {
        md.append("## Summary\n\n")
                .append(SafeMarkdown.text(Exports.orNone(review.summary())))
                .append("\n\n");
        md.append("## Impact\n\n")
                .append(SafeMarkdown.text(Exports.orNone(review.impact())))
                .append("\n\n");
        md.append("## Contributing factors\n\n");
        if (review.contributingFactors().isEmpty()) md.append("(none recorded)\n");
        review.contributingFactors()
                .forEach(f -> md.append("- ").append(SafeMarkdown.inline(f)).append("\n"));
        md.append("\n## Cause hypotheses\n\n");
        if (review.hypotheses().isEmpty()) md.append("(none recorded)\n");
        for (HypothesisView h : review.hypotheses()) {
            md.append("- **")
                    .append(SafeMarkdown.inline(h.statement().ko()))
                    .append("** — ")
                    .append(h.status())
                    .append(h.published() ? " (published)" : "")
                    .append("\n");
            for (HypothesisView.Step v : h.versions()) {
                md.append("  - ")
                        .append(Kst.seconds(v.at()))
                        .append(" ")
                        .append(v.status())
                        .append(" by ")
                        .append(SafeMarkdown.inline(v.author()))
                        .append(": ")
                        .append(cell(v.evidence()))
                        .append("\n");
            }
        }
        md.append("\n## Related incidents\n\n");
        if (review.related().isEmpty()) md.append("(none)\n");
        for (ReviewView.Related r : review.related()) {
            md.append("- ")
                    .append(r.number())
                    .append(" ")
                    .append(SafeMarkdown.inline(r.title().ko()))
                    .append(" — ")
                    .append(r.kind())
                    .append(", started ")
                    .append(Kst.seconds(r.detectedAt()))
                    .append(" (")
                    .append(r.apart())
                    .append(")\n");
        }
        md.append("\n## Follow-up actions\n\n| # | action | owner | due | status |\n|---|---|---|---|---|\n");
        for (ActionView a : review.actions()) {
            md.append("| ")
                    .append(a.id())
                    .append(" | ")
                    .append(cell(a.title()))
                    .append(" | ")
                    .append(cell(a.owner()))
                    .append(" | ")
                    .append(a.dueDate())
                    .append(" | ")
                    .append(a.status())
                    .append(a.overdue() ? " (overdue)" : "")
                    .append(" |\n");
        }
        md.append("\n");
    }

    private static void keyTime(StringBuilder md, String stage, Instant at) {
        md.append("| ")
                .append(stage)
                .append(" | ")
                .append(at == null ? "—" : Kst.seconds(at))
                .append(" |\n");
    }

    /** User text safe inside a Markdown table cell: no HTML, no link but to http(s), on one line. */
    private static String cell(String text) {
        return SafeMarkdown.cell(text);
    }
}
