package bonbu.checklist;

import bonbu.security.Roles;
import bonbu.task.Priority;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** The checklists of an incident, made from runbooks and worked step by step. */
@Path("/api/incidents/{number}/checklists")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ChecklistResource {

    /** Which runbook to instantiate (its id). */
    public record NewChecklistRequest(
            @NotBlank(message = "is required: a runbook id") String runbook) {}

    /** Evidence for completing a step (required where the step says so). */
    public record CompleteRequest(@Size(max = 4000) String evidence) {}

    /** Why a step is skipped. */
    public record SkipRequest(@Size(max = 2000) String reason) {}

    /** A step turned into a task. */
    public record TaskRequest(String assignee, String team, Priority priority, Instant dueAt) {}

    @Inject
    ChecklistService checklists;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<ChecklistView> list(@PathParam("number") String number) {
        return checklists.ofIncident(number);
    }

    @POST
    @RolesAllowed({Roles.COMMANDER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(
            @PathParam("number") String number,
            @NotNull(message = "a JSON body is required") @Valid NewChecklistRequest request) {
        return Response.status(201)
                .entity(checklists.instantiate(number, request.runbook().strip(), actor()))
                .build();
    }

    @POST
    @Path("{id}/items/{position}/complete")
    @RolesAllowed({Roles.RESPONDER, Roles.COMMANDER, Roles.COMMUNICATOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public ChecklistView complete(
            @PathParam("number") String number,
            @PathParam("id") long id,
            @PathParam("position") int position,
            @Valid CompleteRequest request) {
        return checklists.complete(number, id, position, request == null ? null : request.evidence(), actor());
    }

    @POST
    @Path("{id}/items/{position}/skip")
    @RolesAllowed({Roles.RESPONDER, Roles.COMMANDER, Roles.COMMUNICATOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public ChecklistView skip(
            @PathParam("number") String number,
            @PathParam("id") long id,
            @PathParam("position") int position,
            @Valid SkipRequest request) {
        return checklists.skip(number, id, position, request == null ? null : request.reason(), actor());
    }

    @POST
    @Path("{id}/items/{position}/task")
    @RolesAllowed({Roles.COMMANDER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public ChecklistView toTask(
            @PathParam("number") String number,
            @PathParam("id") long id,
            @PathParam("position") int position,
            TaskRequest request) {
        TaskRequest r = request == null ? new TaskRequest(null, null, null, null) : request;
        return checklists.toTask(
                number, id, position, blank(r.assignee()), blank(r.team()), r.priority(), r.dueAt(), actor());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
