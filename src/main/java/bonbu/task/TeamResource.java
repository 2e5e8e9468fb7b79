package bonbu.task;

import bonbu.security.Roles;
import bonbu.shared.LocalizedText;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Teams of staff, managed by admins. */
@Path("/api/teams")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TeamResource {

    /** A new team with its first members. */
    public record NewTeamRequest(
            @NotBlank(message = "is required")
            @Size(max = 64)
            @Pattern(
                    regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                    message = "must be a slug: lower-case letters and digits separated by single hyphens")
            String key,

            @NotNull(message = "is required") @Valid LocalizedText name,
            @Size(max = 500) List<@NotBlank String> members) {}

    @Inject
    TaskService tasks;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<TeamView> list() {
        return tasks.teams();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull(message = "a JSON body is required") @Valid NewTeamRequest request) {
        TeamView team = tasks.createTeam(
                request.key(),
                request.name(),
                request.members() == null ? List.of() : request.members(),
                identity.getPrincipal().getName());
        return Response.status(201).entity(team).build();
    }

    @PUT
    @Path("{key}/members/{username}")
    @RolesAllowed(Roles.ADMIN)
    public TeamView join(@PathParam("key") String key, @PathParam("username") String username) {
        return tasks.join(key, username, identity.getPrincipal().getName());
    }

    @DELETE
    @Path("{key}/members/{username}")
    @RolesAllowed(Roles.ADMIN)
    public TeamView leave(@PathParam("key") String key, @PathParam("username") String username) {
        return tasks.leave(key, username, identity.getPrincipal().getName());
    }
}
