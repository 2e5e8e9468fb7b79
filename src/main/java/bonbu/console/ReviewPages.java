package bonbu.console;

import bonbu.incident.IncidentQueries;
import bonbu.incident.IncidentView;
import bonbu.review.record.IncidentRecord;
import bonbu.review.record.RecordService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.TreeSet;

/** The incident timeline page for staff and ministry viewers: filter, read, export, print. */
@Path("/review/incidents/{number}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ReviewPages {

    /** The filters as the form shows them: blank where not set. */
    @TemplateData
    record Filters(String type, String audience, String actor, String component, boolean utc) {}

    /** One day of entries as the page shows them. */
    @TemplateData
    record Day(String date, List<Entry> entries) {}

    /** One entry, its time already in the chosen zone and its data as JSON text. */
    @TemplateData
    record Entry(long seq, String time, String iso, String type, String audience, String actor, String data) {}

    @Inject
    IncidentQueries incidents;

    @Inject
    RecordService records;

    @Inject
    ObjectMapper json;

    @Location("review/timeline.html")
    Template page;

    @GET
    public String timeline(
            @PathParam("number") String number,
            @QueryParam("type") String type,
            @QueryParam("audience") String audience,
            @QueryParam("actor") String actor,
            @QueryParam("component") String component,
            @QueryParam("tz") String tz) {
        IncidentView incident = incidents.get(number);
        RecordService.Filter filter = RecordService.Filter.of(type, audience, actor, component);
        IncidentRecord all = records.record(number, RecordService.Filter.NONE);
        IncidentRecord shown = all.narrowed(filter);
        boolean utc = "utc".equalsIgnoreCase(tz);
        TreeSet<String> types = new TreeSet<>();
        TreeSet<String> actors = new TreeSet<>();
        all.days()
                .forEach(d -> d.entries().forEach(e -> {
                    types.add(e.type());
                    actors.add(e.actor());
                }));
        List<Day> days = shown.days().stream()
                .map(day -> new Day(
                        day.date(),
                        day.entries().stream().map(e -> entry(e, utc)).toList()))
                .toList();
        Filters f = new Filters(
                orBlank(filter.type()),
                orBlank(filter.audience()),
                orBlank(filter.actor()),
                orBlank(filter.component()),
                utc);
        return page.data("number", number)
                .data("title", incident.title().ko())
                .data("status", incident.status().value())
                .data("active", shown.active())
                .data("count", shown.count())
                .data("total", all.count())
                .data("days", days)
                .data("types", List.copyOf(types))
                .data("actors", List.copyOf(actors))
                .data("f", f)
                .data("verification", IncidentRecord.verificationLine(shown.verification()))
                .data("verified", shown.verification().ok())
                .render();
    }

    private Entry entry(IncidentRecord.Entry e, boolean utc) {
        return new Entry(
                e.seq(),
                utc
                        ? e.at().toString().replace('T', ' ').replace("Z", " UTC")
                        : e.atKst().substring(11),
                e.at().toString(),
                e.type(),
                e.audience(),
                e.actor(),
                toJson(e.data()));
    }

    private static String orBlank(String s) {
        return s == null ? "" : s;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
