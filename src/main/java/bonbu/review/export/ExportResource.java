package bonbu.review.export;

import bonbu.incident.IncidentQueries;
import bonbu.review.ReviewService;
import bonbu.review.record.IncidentRecord;
import bonbu.review.record.RecordService;
import bonbu.shared.problem.ProblemException;
import bonbu.timeline.integrity.Checkpoints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;

/**
 * An incident's record to take away: {@code format=markdown}, {@code csv} (the timeline),
 * {@code json} (everything) or {@code html} (a printable page, to save as PDF from a browser).
 */
@Path("/api/incidents/{number}/export")
@Authenticated
public class ExportResource {

    @Inject
    IncidentQueries incidents;

    @Inject
    RecordService records;

    @Inject
    ReviewService reviews;

    @Inject
    Checkpoints checkpoints;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Location("review/print.html")
    Template print;

    @GET
    public Response export(@PathParam("number") String number, @QueryParam("format") String format) {
        String f = format == null || format.isBlank() ? "json" : format.strip();
        if (!List.of("json", "markdown", "csv", "html").contains(f)) {
            throw ProblemException.notOneOf("format", format, List.of("json", "markdown", "csv", "html"));
        }
        IncidentRecord record = records.record(number, RecordService.Filter.NONE);
        Anchoring anchoring = Anchoring.of(
                checkpoints,
                record.days().stream().flatMap(d -> d.entries().stream()).toList());
        Exports exports = new Exports(
                incidents.get(number), reviews.review(number, record), record, anchoring, json, clock.instant());
        return switch (f) {
            case "markdown" -> file(exports.markdown(), "text/markdown; charset=utf-8", number + ".md");
            case "csv" -> file(exports.csv(), "text/csv; charset=utf-8", number + "-timeline.csv");
            case "html" ->
                Response.ok(print.data("r", exports.printable()).render(), "text/html; charset=utf-8")
                        .build();
            default -> file(exports.json(), "application/json", number + ".json");
        };
    }

    private static Response file(String body, String type, String name) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }
}
