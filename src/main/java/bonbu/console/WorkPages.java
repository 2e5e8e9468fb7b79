package bonbu.console;

import bonbu.checklist.ChecklistService;
import bonbu.checklist.ChecklistView;
import bonbu.incident.IncidentQueries;
import bonbu.incident.IncidentView;
import bonbu.incident.terms.IncidentStatus;
import bonbu.security.Roles;
import bonbu.security.StaffSession;
import bonbu.shared.Kst;
import bonbu.task.TaskService;
import bonbu.task.TaskView;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Console screens for the work of an incident (its tasks and checklists) and for "my tasks".
 * Controls appear only for roles that may use them; the buttons call the JSON API.
 */
@Path("/console")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class WorkPages {

    private static final Set<String> WORKERS =
            Set.of(Roles.RESPONDER, Roles.COMMANDER, Roles.COMMUNICATOR, Roles.ADMIN);

    /** A task as a table row; empty strings where there is nothing to show. */
    @TemplateData
    record TaskRow(
            long id,
            String incident,
            String title,
            String who,
            String priority,
            String due,
            String status,
            boolean overdue,
            String reason) {

        static TaskRow of(TaskView t) {
            return new TaskRow(
                    t.id(),
                    t.incident(),
                    t.title(),
                    (t.assignee() == null ? "—" : t.assignee()) + (t.team() == null ? "" : " · " + t.team()),
                    t.priority().name(),
                    shortTime(t.dueAt()),
                    t.status().value(),
                    t.overdue(),
                    t.reason() == null ? "" : t.reason());
        }
    }

    /** A checklist with its progress and steps. */
    @TemplateData
    record ChecklistRow(
            long id,
            String title,
            String runbook,
            String version,
            ChecklistView.Progress progress,
            List<StepRow> items) {

        static ChecklistRow of(ChecklistView c) {
            return new ChecklistRow(
                    c.id(),
                    c.title().ko(),
                    c.runbook(),
                    c.runbookVersion(),
                    c.progress(),
                    c.items().stream().map(StepRow::of).toList());
        }
    }

    /** One step of a checklist; {@code note}: its evidence or the reason it was skipped. */
    @TemplateData
    record StepRow(
            int position,
            String text,
            String who,
            int minutes,
            boolean evidenceRequired,
            String status,
            boolean pending,
            String doneBy,
            String doneAt,
            String note,
            String task) {

        static StepRow of(ChecklistView.Item i) {
            return new StepRow(
                    i.position(),
                    i.text().ko(),
                    i.role() != null ? i.role() + (i.team() != null ? " · " + i.team() : "") : i.team(),
                    i.expectedMinutes(),
                    i.evidenceRequired(),
                    i.status(),
                    "pending".equals(i.status()),
                    i.doneBy() == null ? "" : i.doneBy(),
                    shortTime(i.doneAt()),
                    i.evidence() != null ? i.evidence() : i.reason() != null ? i.reason() : "",
                    i.task() == null ? "" : "#" + i.task());
        }
    }

    @Inject
    IncidentQueries incidents;

    @Inject
    TaskService tasks;

    @Inject
    ChecklistService checklists;

    @Inject
    SecurityIdentity identity;

    @Inject
    StaffSession session;

    @Location("console/work.html")
    Template work;

    @Location("console/tasks.html")
    Template mine;

    @GET
    @Path("incidents/{number}/work")
    public String work(@PathParam("number") String number) {
        IncidentView incident = incidents.get(number);
        return work.data("session", ConsoleSession.of(session))
                .data("number", number)
                .data("title", incident.title().ko())
                .data("status", incident.status().value())
                .data("active", incident.status() != IncidentStatus.RESOLVED)
                .data("canWork", canWork())
                .data("tasks", rows(tasks.ofIncident(number)))
                .data(
                        "checklists",
                        checklists.ofIncident(number).stream()
                                .map(ChecklistRow::of)
                                .toList())
                .data("me", identity.getPrincipal().getName())
                .render();
    }

    @GET
    @Path("tasks")
    public String myTasks() {
        String me = identity.getPrincipal().getName();
        return mine.data("session", ConsoleSession.of(session))
                .data("me", me)
                .data("tasks", rows(tasks.openFor(me)))
                .data("canWork", canWork())
                .render();
    }

    private boolean canWork() {
        return identity.getRoles().stream().anyMatch(WORKERS::contains);
    }

    private static List<TaskRow> rows(List<TaskView> list) {
        return list.stream().map(TaskRow::of).toList();
    }

    private static String shortTime(Instant at) {
        return at == null ? "" : Kst.SHORT.format(at);
    }
}
