package bonbu.component.web;

import bonbu.component.Catalog;
import bonbu.component.CatalogService;
import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.component.CreateComponentRequest;
import bonbu.component.EditComponentRequest;
import bonbu.component.ImpactView;
import bonbu.security.Roles;
import bonbu.shared.web.Redirects;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.ResponseStatus;

/** The staff catalog API: components, dependencies, statuses and the blast radius. */
@Path("/api/components")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ComponentResource {

    @Inject
    Catalog catalog;

    @Inject
    CatalogService service;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<ComponentView> list() {
        return catalog.all();
    }

    @GET
    @Path("{key}")
    public ComponentView get(@PathParam("key") String key) {
        return catalog.get(key);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull(message = "a JSON body is required") @Valid CreateComponentRequest request) {
        ComponentView created = service.create(request, actor());
        return Redirects.created("/api/components/" + created.key())
                .entity(created)
                .build();
    }

    @PATCH
    @Path("{key}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public ComponentView edit(
            @PathParam("key") String key,
            @NotNull(message = "a JSON body is required") @Valid EditComponentRequest request) {
        return service.edit(key, request, actor());
    }

    @POST
    @Path("{key}/status")
    @RolesAllowed({Roles.COMMANDER, Roles.RESPONDER})
    @Consumes(MediaType.APPLICATION_JSON)
    public CatalogService.StatusChange changeStatus(
            @PathParam("key") String key,
            @NotNull(message = "a JSON body is required") @Valid ChangeStatusRequest request) {
        return service.changeStatus(key, request.status(), request.reason().strip(), actor());
    }

    @PUT
    @Path("{key}/dependencies/{upstreamKey}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setDependency(
            @PathParam("key") String key,
            @PathParam("upstreamKey") String upstreamKey,
            @NotNull(message = "a JSON body is required") @Valid SetDependencyRequest request) {
        boolean created = service.setDependency(key, upstreamKey, request.kind(), actor());
        return Response.status(created ? 201 : 200).entity(catalog.get(key)).build();
    }

    @DELETE
    @Path("{key}/dependencies/{upstreamKey}")
    @RolesAllowed(Roles.ADMIN)
    @ResponseStatus(204)
    public void removeDependency(@PathParam("key") String key, @PathParam("upstreamKey") String upstreamKey) {
        service.removeDependency(key, upstreamKey, actor());
    }

    @GET
    @Path("{key}/impact")
    public ImpactView impact(@PathParam("key") String key, @QueryParam("status") String status) {
        if (status == null) {
            throw new bonbu.shared.problem.ProblemException(
                    400,
                    "Invalid request",
                    "Say which status to try: ?status= one of " + String.join(", ", ComponentStatus.allowed()) + ".",
                    Map.of("errors", List.of(Map.of("field", "status", "message", "is required"))));
        }
        return service.impact(key, ComponentStatus.parse("status", status));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
