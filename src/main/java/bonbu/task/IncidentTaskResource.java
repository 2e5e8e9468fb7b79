package bonbu.task;

import bonbu.security.Roles;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** The tasks of an incident: created and reassigned by commanders, claimed and worked by responders. */
@Path("/api/incidents/{number}/tasks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class IncidentTaskResource {

    /** A new task; {@code priority} P1–P3 (default P2); {@code assignee} and/or {@code team}. */
    public record NewTaskRequest(
            @NotBlank(message = "is required: what is to be done") @Size(max = 500)
            String title,

            @Size(max = 10_000) String description,
            String assignee,
            String team,
            Priority priority,
            Instant dueAt) {}

    /** Who the task is for now. */
    public record AssignRequest(String assignee, String team) {}

    /** A move; {@code reason} is required for {@code blocked} and {@code cancelled}. */
    public record MoveRequest(
            @NotNull(message = "is required: in_progress, blocked, done or cancelled")
            TaskStatus status,

            @Size(max = 2000) String reason) {}

    @Inject
    TaskService tasks;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<TaskView> list(@PathParam("number") String number) {
        return tasks.ofIncident(number);
    }

    @POST
    @RolesAllowed({Roles.COMMANDER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(
            @PathParam("number") String number,
            @NotNull(message = "a JSON body is required") @Valid NewTaskRequest request) {
        TaskView task = tasks.create(
                number,
                new TaskService.NewTask(
                        request.title(),
                        request.description(),
                        blankToNull(request.assignee()),
                        blankToNull(request.team()),
                        request.priority(),
                        request.dueAt()),
                actor());
        return Response.status(201).entity(task).build();
    }

    @POST
    @Path("{id}/claim")
    @RolesAllowed({Roles.RESPONDER, Roles.COMMANDER, Roles.COMMUNICATOR, Roles.ADMIN})
    public TaskView claim(@PathParam("number") String number, @PathParam("id") long id) {
        return tasks.claim(number, id, actor());
    }

    @PUT
    @Path("{id}/assignee")
    @RolesAllowed({Roles.COMMANDER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public TaskView reassign(
            @PathParam("number") String number,
            @PathParam("id") long id,
            @NotNull(message = "a JSON body is required") AssignRequest request) {
        return tasks.reassign(number, id, blankToNull(request.assignee()), blankToNull(request.team()), actor());
    }

    @POST
    @Path("{id}/status")
    @RolesAllowed({Roles.RESPONDER, Roles.COMMANDER, Roles.COMMUNICATOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public TaskView move(
            @PathParam("number") String number,
            @PathParam("id") long id,
            @NotNull(message = "a JSON body is required") @Valid MoveRequest request) {
        return tasks.move(number, id, request.status(), request.reason(), actor());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
