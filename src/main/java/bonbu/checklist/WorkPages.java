package bonbu.checklist;

import bonbu.console.ConsoleSession;
import bonbu.incident.IncidentQueries;
import bonbu.incident.IncidentView;
import bonbu.security.Roles;
import bonbu.security.StaffSession;
import bonbu.task.TaskService;
import bonbu.task.TaskView;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Console screens for the work of an incident (its tasks and checklists) and for "my tasks".
 * Controls appear only for roles that may use them; the buttons call the JSON API.
 */
@Path("/console")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class WorkPages {

    private static final DateTimeFormatter KST =
            DateTimeFormatter.ofPattern("MM-dd HH:mm 'KST'").withZone(ZoneId.of("Asia/Seoul"));
    private static final Set<String> WORKERS =
            Set.of(Roles.RESPONDER, Roles.COMMANDER, Roles.COMMUNICATOR, Roles.ADMIN);

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
        List<Map<String, Object>> lists = new ArrayList<>();
        for (ChecklistView c : checklists.ofIncident(number)) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (ChecklistView.Item i : c.items()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("position", i.position());
                m.put("text", i.text().ko());
                m.put("who", i.role() != null ? i.role() + (i.team() != null ? " · " + i.team() : "") : i.team());
                m.put("minutes", i.expectedMinutes());
                m.put("evidenceRequired", i.evidenceRequired());
                m.put("status", i.status());
                m.put("pending", "pending".equals(i.status()));
                m.put("doneBy", i.doneBy() == null ? "" : i.doneBy());
                m.put("doneAt", i.doneAt() == null ? "" : KST.format(i.doneAt()));
                m.put("note", i.evidence() != null ? i.evidence() : i.reason() != null ? i.reason() : "");
                m.put("task", i.task() == null ? "" : "#" + i.task());
                items.add(m);
            }
            Map<String, Object> list = new LinkedHashMap<>();
            list.put("id", c.id());
            list.put("title", c.title().ko());
            list.put("runbook", c.runbook());
            list.put("version", c.runbookVersion());
            ChecklistView.Progress p = c.progress();
            list.put(
                    "progress",
                    Map.of(
                            "done", p.done(),
                            "skipped", p.skipped(),
                            "pending", p.pending(),
                            "percent", p.percent(),
                            "expectedMinutes", p.expectedMinutes(),
                            "spentMinutes", p.spentMinutes()));
            list.put("items", items);
            lists.add(list);
        }
        return work.data("session", ConsoleSession.of(session))
                .data("number", number)
                .data("title", incident.title().ko())
                .data("status", incident.status().value())
                .data("active", incident.status() != bonbu.incident.IncidentStatus.RESOLVED)
                .data("canWork", canWork())
                .data("tasks", rows(tasks.ofIncident(number)))
                .data("checklists", lists)
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

    private static List<Map<String, Object>> rows(List<TaskView> list) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TaskView t : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("incident", t.incident());
            m.put("title", t.title());
            m.put("who", (t.assignee() == null ? "—" : t.assignee()) + (t.team() == null ? "" : " · " + t.team()));
            m.put("priority", t.priority().name());
            m.put("due", t.dueAt() == null ? "" : KST.format(t.dueAt()));
            m.put("status", t.status().value());
            m.put("overdue", t.overdue());
            m.put("reason", t.reason() == null ? "" : t.reason());
            rows.add(m);
        }
        return rows;
    }
}
