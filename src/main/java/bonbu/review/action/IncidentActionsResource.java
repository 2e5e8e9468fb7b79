package bonbu.review.action;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;

/** Follow-up actions of an incident: added by the commander, moved by whoever does them. */
@Path("/api/incidents/{number}/actions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class IncidentActionsResource {

    /** A follow-up action: what, who (a staff username) and by when. */
    public record NewActionRequest(
            @NotBlank(message = "is required: what will be done") @Size(max = 2000)
            String title,

            @NotBlank(message = "is required: a staff username")
            String owner,

            @NotNull(message = "is required: a date (YYYY-MM-DD)")
            LocalDate dueDate) {}

    /** Moves an action; {@code note} is required to cancel. */
    public record MoveActionRequest(
            @NotNull(message = "is required: in_progress, done or cancelled")
            ActionStatus status,

            @Size(max = 2000) String note) {}

    @Inject
    ActionService actions;

    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed({Roles.COMMANDER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addAction(
            @PathParam("number") String number,
            @NotNull(message = "a JSON body is required") @Valid NewActionRequest request) {
        ActionView action = actions.add(
                number, new ActionService.NewAction(request.title(), request.owner(), request.dueDate()), actor());
        return Response.status(201).entity(action).build();
    }

    @POST
    @Path("{id}/status")
    @RolesAllowed({Roles.COMMANDER, Roles.RESPONDER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public ActionView moveAction(
            @PathParam("number") String number,
            @PathParam("id") long id,
            @NotNull(message = "a JSON body is required") @Valid MoveActionRequest request) {
        return actions.move(number, id, request.status(), request.note(), actor());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
