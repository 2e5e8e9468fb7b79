package bonbu.review;

import bonbu.incident.IncidentQueries;
import bonbu.incident.IncidentView;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The incident timeline page for staff and ministry viewers: filter, read, export, print. */
@Path("/review/incidents/{number}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ReviewPages {

    @Inject
    IncidentQueries incidents;

    @Inject
    RecordService records;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

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
        List<Map<String, Object>> days = new ArrayList<>();
        for (IncidentRecord.Day day : shown.days()) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (IncidentRecord.Entry e : day.entries()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("seq", e.seq());
                m.put(
                        "time",
                        utc
                                ? e.at().toString().replace('T', ' ').replace("Z", " UTC")
                                : e.atKst().substring(11));
                m.put("iso", e.at().toString());
                m.put("type", e.type());
                m.put("audience", e.audience());
                m.put("actor", e.actor());
                m.put("data", toJson(e.data()));
                entries.add(m);
            }
            days.add(Map.of("date", day.date(), "entries", entries));
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", filter.type() == null ? "" : filter.type());
        f.put("audience", filter.audience() == null ? "" : filter.audience());
        f.put("actor", filter.actor() == null ? "" : filter.actor());
        f.put("component", filter.component() == null ? "" : filter.component());
        f.put("utc", utc);
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
                .data("verification", Exports.verificationLine(shown.verification()))
                .data("verified", shown.verification().ok())
                .render();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
