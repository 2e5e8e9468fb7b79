package bonbu.incident.api;

import bonbu.incident.IncidentQueries;
import bonbu.incident.IncidentService;
import bonbu.incident.IncidentView;
import bonbu.incident.terms.CommandRole;
import bonbu.incident.terms.Requests;
import bonbu.security.Roles;
import bonbu.shared.problem.ProblemException;
import bonbu.shared.web.Redirects;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The incident API. Writes accept {@code If-Match} with the version from a previous read (its
 * ETag): if someone changed the incident since, the write is refused with 409 saying what changed.
 */
@Path("/api/incidents")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
class IncidentResource {

    @Inject
    IncidentService service;

    @Inject
    IncidentQueries queries;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<IncidentView.Summary> list(@QueryParam("state") String state) {
        return queries.list(state == null || state.isBlank() ? "all" : state);
    }

    @GET
    @Path("{number}")
    public Response get(@PathParam("number") String number) {
        return withVersion(Response.ok(), queries.get(number));
    }

    @POST
    @RolesAllowed(Roles.COMMANDER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response declare(@NotNull(message = "a JSON body is required") @Valid Requests.DeclareIncident request) {
        IncidentView view = service.declare(request, actor());
        return withVersion(Redirects.created("/api/incidents/" + view.number()), view);
    }

    @POST
    @Path("{number}/updates")
    @RolesAllowed({Roles.COMMANDER, Roles.COMMUNICATOR})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publishUpdate(
            @PathParam("number") String number,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid Requests.PublishUpdate request) {
        return withVersion(
                Response.status(201),
                guarded(number, () -> service.publishUpdate(number, request, version(ifMatch), actor())));
    }

    @POST
    @Path("{number}/severity")
    @RolesAllowed(Roles.COMMANDER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response overrideSeverity(
            @PathParam("number") String number,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid Requests.OverrideSeverity request) {
        return withVersion(
                Response.ok(),
                guarded(number, () -> service.overrideSeverity(number, request, version(ifMatch), actor())));
    }

    @POST
    @Path("{number}/reopen")
    @RolesAllowed(Roles.COMMANDER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reopen(
            @PathParam("number") String number,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid Requests.Reopen request) {
        return withVersion(
                Response.ok(), guarded(number, () -> service.reopen(number, request, version(ifMatch), actor())));
    }

    @PUT
    @Path("{number}/roles/{role}")
    @RolesAllowed(Roles.COMMANDER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response assignRole(
            @PathParam("number") String number,
            @PathParam("role") String role,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid Requests.AssignRole request) {
        return withVersion(
                Response.ok(),
                guarded(
                        number,
                        () -> service.assignRole(
                                number, role(role), request.member().strip(), version(ifMatch), actor())));
    }

    @DELETE
    @Path("{number}/roles/{role}")
    @RolesAllowed(Roles.COMMANDER)
    public Response relieveRole(
            @PathParam("number") String number,
            @PathParam("role") String role,
            @HeaderParam("If-Match") String ifMatch) {
        return withVersion(
                Response.ok(),
                guarded(number, () -> service.relieveRole(number, role(role), version(ifMatch), actor())));
    }

    @POST
    @Path("{number}/links")
    @RolesAllowed(Roles.COMMANDER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response link(
            @PathParam("number") String number,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid Requests.LinkIncident request) {
        return withVersion(
                Response.status(201), guarded(number, () -> service.link(number, request, version(ifMatch), actor())));
    }

    /** Runs a write; if it lost a race with another change to the incident, says what that was. */
    private IncidentView guarded(String number, Supplier<IncidentView> write) {
        try {
            return write.get();
        } catch (OptimisticLockException e) {
            throw queries.lostRace(number);
        }
    }

    private static Response withVersion(Response.ResponseBuilder builder, IncidentView view) {
        return builder.tag(new EntityTag(Long.toString(view.version())))
                .entity(view)
                .build();
    }

    private static CommandRole role(String value) {
        try {
            return CommandRole.valueOf(value);
        } catch (IllegalArgumentException e) {
            List<String> allowed =
                    Arrays.stream(CommandRole.values()).map(Enum::name).toList();
            throw ProblemException.notOneOf("role", value, allowed);
        }
    }

    /** The version from an If-Match header ("3", "\"3\"" or W/"3"), or null when absent. */
    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String v = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(
                    "If-Match must be the incident's version (its ETag) from your last read, e.g. \"3\".");
        }
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
