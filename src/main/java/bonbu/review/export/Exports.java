package bonbu.review.export;

import bonbu.incident.IncidentView;
import bonbu.review.ReviewView;
import bonbu.review.record.IncidentRecord;
import bonbu.review.record.Measures;
import bonbu.timeline.integrity.ChainCheck;
import bonbu.timeline.integrity.CheckpointView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;

/**
 * An incident's whole record in a portable form: Markdown for people ({@link MarkdownExport}), a
 * printable page ({@link PrintableReview}), CSV for spreadsheets (the timeline), JSON for
 * programs. Each states the timeline's verification result and hash, and the signed checkpoints
 * that anchor the entries outside the database.
 */
final class Exports {

    /** The JSON export, in this order. */
    record Document(
            IncidentView incident,
            Measures measures,
            ReviewView review,
            IncidentRecord timeline,
            ChainCheck verification,
            Anchoring checkpoints) {}

    /** What a checkpoint row of the CSV carries in its data column besides seq, time and hash. */
    record Signed(long previousSeq, String keyId, String signature, String reason) {}

    final IncidentView incident;
    final Measures measures;
    final IncidentRecord record;
    final ReviewView review;
    final Anchoring anchoring;
    private final ObjectMapper json;
    private final Instant now;

    /** {@code now} is when the export is made, stated on the CSV's verification row. */
    Exports(
            IncidentView incident,
            ReviewView review,
            IncidentRecord record,
            Anchoring anchoring,
            ObjectMapper json,
            Instant now) {
        this.incident = incident;
        this.review = review;
        this.measures = review.measures();
        this.record = record;
        this.anchoring = anchoring;
        this.json = json;
        this.now = now;
    }

    List<IncidentRecord.Entry> entries() {
        return record.days().stream().flatMap(d -> d.entries().stream()).toList();
    }

    String verificationLine() {
        return IncidentRecord.verificationLine(record.verification());
    }

    /** One line per checkpoint: what it signed, when, with which key, and the signature. */
    static String checkpointLine(CheckpointView c) {
        return "seq " + c.seq() + " · hash " + c.hash() + " · at " + c.at() + " · previous " + c.previousSeq()
                + " · key " + c.keyId() + " · signature " + c.signature();
    }

    String json() {
        Document doc = new Document(incident, measures, review, record, record.verification(), anchoring);
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
                now.toString(),
                "",
                "verification",
                "",
                "",
                verificationLine(),
                check.ok() ? check.lastHash() : "");
        for (CheckpointView c : anchoring.covering()) {
            Signed signed = new Signed(c.previousSeq(), c.keyId(), c.signature(), c.reason());
            row(out, String.valueOf(c.seq()), c.at(), "", "checkpoint", "", "", toJson(signed), c.hash());
        }
        return out.toString();
    }

    String markdown() {
        return new MarkdownExport(this).render();
    }

    PrintableReview printable() {
        return PrintableReview.of(this);
    }

    static String orNone(String text) {
        return text == null || text.isBlank() ? "(not written yet)" : text;
    }

    static String orDash(Long value) {
        return value == null ? "—" : value.toString();
    }

    static String met(Boolean targetMet) {
        return targetMet == null ? "pending" : targetMet ? "yes" : "no";
    }

    String toJson(Object value) {
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
