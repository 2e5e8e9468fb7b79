package bonbu.console;

import bonbu.incident.IncidentQueries;
import bonbu.incident.IncidentView;
import bonbu.security.StaffSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The console's front page: active incidents, how old and whether an update is overdue; recent ones. */
@Path("/console")
@Authenticated
@Produces(Forms.HTML)
public class BoardPage {

    static final int RECENTLY_RESOLVED = 10;

    /** One incident on the board. */
    @TemplateData
    record Row(
            String number,
            String titleKo,
            String titleEn,
            String severity,
            String status,
            String statusLabel,
            String age,
            String declaredAt,
            String declaredIso,
            String resolvedAt,
            String commander,
            String lastUpdate,
            boolean overdue,
            int components) {}

    @Inject
    IncidentQueries incidents;

    @Inject
    StaffSession session;

    @Inject
    Clock clock;

    @Location("console/board.html")
    Template board;

    @GET
    public String board() {
        Instant now = clock.instant();
        List<Row> active =
                incidents.list("active").stream().map(i -> row(i, now)).toList();
        List<Row> resolved = incidents.list("resolved").stream()
                .limit(RECENTLY_RESOLVED)
                .map(i -> row(i, now))
                .toList();
        return board.data("session", ConsoleSession.of(session))
                .data("active", active)
                .data("resolved", resolved)
                .render();
    }

    private static Row row(IncidentView.Summary i, Instant now) {
        return new Row(
                i.number(),
                i.title().ko(),
                i.title().en() == null ? "" : i.title().en(),
                i.severity().name(),
                i.status().value(),
                Labels.of(i.status()),
                Forms.age(i.declaredAt(), i.resolvedAt() == null ? now : i.resolvedAt()),
                Forms.time(i.declaredAt()),
                Forms.iso(i.declaredAt()),
                Forms.time(i.resolvedAt()),
                i.commander() == null ? "—" : i.commander(),
                Forms.time(i.lastUpdateAt()),
                i.updateOverdue(),
                i.components().size());
    }
}
