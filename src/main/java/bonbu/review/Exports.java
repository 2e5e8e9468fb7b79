package bonbu.review;

import bonbu.incident.IncidentView;
import bonbu.timeline.integrity.ChainCheck;
import bonbu.timeline.integrity.CheckpointCheck;
import bonbu.timeline.integrity.CheckpointView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An incident's whole record in a portable form: Markdown for people, CSV for spreadsheets (the
 * timeline), JSON for programs. Each states the timeline's verification result and hash, and the
 * signed checkpoints that anchor the entries outside the database.
 */
final class Exports {

    private final IncidentView incident;
    private final Measures measures;
    private final IncidentRecord record;
    private final ReviewView review;
    private final Anchoring anchoring;
    private final ObjectMapper json;

    Exports(IncidentView incident, ReviewView review, IncidentRecord record, Anchoring anchoring, ObjectMapper json) {
        this.incident = incident;
        this.review = review;
        this.measures = review.measures();
        this.record = record;
        this.anchoring = anchoring;
        this.json = json;
    }

    List<IncidentRecord.Entry> entries() {
        return record.days().stream().flatMap(d -> d.entries().stream()).toList();
    }

    static String verificationLine(ChainCheck check) {
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

    /** One line per checkpoint: what it signed, when, with which key, and the signature. */
    static String checkpointLine(CheckpointView c) {
        return "seq " + c.seq() + " · hash " + c.hash() + " · at " + c.at() + " · previous " + c.previousSeq()
                + " · key " + c.keyId() + " · signature " + c.signature();
    }

    String json() {
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("incident", incident);
        doc.put("measures", measures);
        doc.put("review", review);
        doc.put("timeline", record);
        doc.put("verification", record.verification());
        doc.put("checkpoints", anchoring);
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String csv() {
        StringBuilder out = new StringBuilder("seq,at_utc,at_kst,type,audience,actor,data,hash\r\n");
        for (IncidentRecord.Entry e : entries()) {
            row(
                    out,
                    String.valueOf(e.seq()),
                    e.at().toString(),
                    e.atKst(),
                    e.type(),
                    e.audience(),
                    e.actor(),
                    toJson(e.data()),
                    e.hash());
        }
        ChainCheck check = record.verification();
        row(
                out,
                "",
                Instant.now().toString(),
                "",
                "verification",
                "",
                "",
                verificationLine(check),
                check.ok() ? check.lastHash() : "");
        for (CheckpointView c : anchoring.covering()) {
            Map<String, Object> signed = new java.util.LinkedHashMap<>();
            signed.put("previousSeq", c.previousSeq());
            signed.put("keyId", c.keyId());
            signed.put("signature", c.signature());
            signed.put("reason", c.reason());
            row(out, String.valueOf(c.seq()), c.at(), "", "checkpoint", "", "", toJson(signed), c.hash());
        }
        return out.toString();
    }

    String markdown() {
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
        md.append("- ").append(verificationLine(record.verification())).append("\n\n");
        md.append("## Key times (KST)\n\n| stage | time |\n|---|---|\n");
        var k = incident.keyTimes();
        keyTime(md, "detected", k.detectedAt());
        keyTime(md, "declared", k.declaredAt());
        keyTime(md, "identified", k.identifiedAt());
        keyTime(md, "mitigated", k.mitigatedAt());
        keyTime(md, "resolved", k.resolvedAt());
        md.append("\n- Minutes to declare: ")
                .append(orDash(measures.minutesToDeclare()))
                .append("\n- Minutes to mitigate: ")
                .append(orDash(measures.minutesToMitigate()))
                .append("\n- Minutes to resolve: ")
                .append(orDash(measures.minutesToResolve()))
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
                    .append(c.targetMet() == null ? "pending" : c.targetMet() ? "yes" : "no")
                    .append(" |\n");
        }
        md.append("\n## Public updates\n\n");
        List<IncidentView.Update> updates = new java.util.ArrayList<>(incident.updates());
        java.util.Collections.reverse(updates);
        for (IncidentView.Update u : updates) {
            md.append("- ")
                    .append(RecordService.kst(u.publishedAt()))
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
                        .append(cell(toJson(e.data())))
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
            md.append("- ").append(checkpointLine(c)).append("\n");
        }
        if (anchoring.note() != null) md.append("\n").append(anchoring.note()).append("\n");
    }

    private void reviewSections(StringBuilder md) {
        md.append("## Summary\n\n")
                .append(SafeMarkdown.text(orNone(review.summary())))
                .append("\n\n");
        md.append("## Impact\n\n")
                .append(SafeMarkdown.text(orNone(review.impact())))
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
                        .append(RecordService.kst(v.at()))
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
                    .append(RecordService.kst(r.detectedAt()))
                    .append(" (")
                    .append(r.apart())
                    .append(")\n");
        }
        md.append("\n## Follow-up actions\n\n| # | action | owner | due | status |\n|---|---|---|---|---|\n");
        for (ReviewView.ActionView a : review.actions()) {
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

    private static String orNone(String text) {
        return text == null || text.isBlank() ? "(not written yet)" : text;
    }

    /** The data of the printable page, as maps and strings (the template does no formatting). */
    Map<String, Object> printable() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("number", incident.number());
        m.put("titleKo", incident.title().ko());
        m.put("titleEn", incident.title().en());
        m.put("status", incident.status().value());
        m.put("severity", incident.severity().name());
        m.put("verification", verificationLine(record.verification()));
        m.put("verified", record.verification().ok());
        m.put("checkpointMessage", anchoring.message().replace("\n", "\\n"));
        m.put(
                "checkpointKeys",
                anchoring.keys().stream()
                        .map(k -> Map.of("id", k.id(), "publicKey", k.publicKey()))
                        .toList());
        m.put(
                "checkpoints",
                anchoring.covering().stream().map(Exports::checkpointLine).toList());
        m.put("checkpointNote", anchoring.note() == null ? "" : anchoring.note());
        var k = incident.keyTimes();
        List<Map<String, Object>> times = new java.util.ArrayList<>();
        for (Object[] t : new Object[][] {
            {"Detected · 인지", k.detectedAt()},
            {"Declared · 선포", k.declaredAt()},
            {"Identified · 원인 확인", k.identifiedAt()},
            {"Mitigated · 복구 조치", k.mitigatedAt()},
            {"Resolved · 해결", k.resolvedAt()}
        }) {
            times.add(Map.of("label", t[0], "at", t[1] == null ? "—" : RecordService.kst((Instant) t[1])));
        }
        m.put("keyTimes", times);
        m.put("toDeclare", orDash(measures.minutesToDeclare()));
        m.put("toMitigate", orDash(measures.minutesToMitigate()));
        m.put("toResolve", orDash(measures.minutesToResolve()));
        List<Map<String, Object>> components = new java.util.ArrayList<>();
        for (Measures.ComponentImpact c : measures.components()) {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("name", c.name().ko());
            row.put("key", c.key());
            row.put("tier", c.tier());
            row.put("direct", c.direct() ? "yes" : "no");
            row.put("minutes", c.minutesNotOperational());
            row.put("byStatus", c.minutes().toString());
            row.put("target", c.recoveryTargetMinutes());
            row.put("met", c.targetMet() == null ? "pending" : c.targetMet() ? "yes" : "no");
            components.add(row);
        }
        m.put("components", components);
        List<Map<String, Object>> updates = new java.util.ArrayList<>();
        for (IncidentView.Update u : incident.updates()) {
            updates.add(Map.of(
                    "at", RecordService.kst(u.publishedAt()),
                    "status", u.status().value(),
                    "ko", u.message().ko(),
                    "en", u.message().en() == null ? "" : u.message().en()));
        }
        java.util.Collections.reverse(updates);
        m.put("updates", updates);
        List<Map<String, Object>> days = new java.util.ArrayList<>();
        for (IncidentRecord.Day day : record.days()) {
            List<Map<String, Object>> entries = new java.util.ArrayList<>();
            for (IncidentRecord.Entry e : day.entries()) {
                entries.add(Map.of(
                        "seq", e.seq(),
                        "time", e.atKst().substring(11),
                        "utc", e.at().toString(),
                        "type", e.type(),
                        "audience", e.audience(),
                        "actor", e.actor(),
                        "data", toJson(e.data()),
                        "hash", e.hash()));
            }
            days.add(Map.of("date", day.date(), "entries", entries));
        }
        m.put("days", days);
        m.put("summary", orNone(review.summary()));
        m.put("impact", orNone(review.impact()));
        m.put("factors", review.contributingFactors());
        List<Map<String, Object>> hypotheses = new java.util.ArrayList<>();
        for (HypothesisView h : review.hypotheses()) {
            List<Map<String, Object>> steps = new java.util.ArrayList<>();
            for (HypothesisView.Step v : h.versions()) {
                steps.add(Map.of(
                        "at", RecordService.kst(v.at()),
                        "status", v.status().value(),
                        "author", v.author(),
                        "evidence", v.evidence()));
            }
            hypotheses.add(Map.of(
                    "statement",
                    h.statement().ko(),
                    "status",
                    h.status().value() + (h.published() ? " (published)" : ""),
                    "steps",
                    steps));
        }
        m.put("hypotheses", hypotheses);
        List<Map<String, Object>> related = new java.util.ArrayList<>();
        for (ReviewView.Related r : review.related()) {
            related.add(Map.of(
                    "number", r.number(),
                    "title", r.title().ko(),
                    "kind", r.kind().name(),
                    "started", RecordService.kst(r.detectedAt()),
                    "apart", r.apart()));
        }
        m.put("related", related);
        List<Map<String, Object>> actions = new java.util.ArrayList<>();
        for (ReviewView.ActionView a : review.actions()) {
            actions.add(Map.of(
                    "id", a.id(),
                    "title", a.title(),
                    "owner", a.owner(),
                    "due", a.dueDate().toString(),
                    "status", a.status().value() + (a.overdue() ? " (overdue)" : "")));
        }
        m.put("actions", actions);
        return m;
    }

    private static void keyTime(StringBuilder md, String stage, Instant at) {
        md.append("| ")
                .append(stage)
                .append(" | ")
                .append(at == null ? "—" : RecordService.kst(at))
                .append(" |\n");
    }

    private static String orDash(Long value) {
        return value == null ? "—" : value.toString();
    }

    /** User text safe inside a Markdown table cell: no HTML, no link but to http(s), on one line. */
    private static String cell(String text) {
        return SafeMarkdown.cell(text);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void row(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) out.append(',');
            String f = fields[i] == null ? "" : fields[i];
            // Quote everything that needs it, and neutralise spreadsheet formulas.
            if (!f.isEmpty() && "=+-@".indexOf(f.charAt(0)) >= 0) f = "'" + f;
            if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
                f = "\"" + f.replace("\"", "\"\"") + "\"";
            }
            out.append(f);
        }
        out.append("\r\n");
    }
}
