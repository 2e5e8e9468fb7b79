package bonbu.maintenance;

import bonbu.security.Roles;
import bonbu.shared.web.Redirects;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The staff maintenance API: plan windows, move them by hand, list them. */
@Path("/api/maintenances")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MaintenanceResource {

    @Inject
    MaintenanceService service;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<MaintenanceView> list(@QueryParam("state") String state) {
        return service.list(MaintenanceStatus.inState(state));
    }

    @GET
    @Path("{number}")
    public MaintenanceView get(@PathParam("number") String number) {
        return service.get(number);
    }

    @POST
    @RolesAllowed({Roles.COMMANDER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response schedule(@NotNull(message = "a JSON body is required") @Valid ScheduleMaintenanceRequest request) {
        MaintenanceView scheduled = service.schedule(request, actor());
        return Redirects.created("/api/maintenances/" + scheduled.number())
                .entity(scheduled)
                .build();
    }

    @POST
    @Path("{number}/status")
    @RolesAllowed({Roles.COMMANDER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public MaintenanceView changeStatus(
            @PathParam("number") String number,
            @NotNull(message = "a JSON body is required") @Valid ChangeMaintenanceStatusRequest request) {
        return service.changeStatus(number, request.status(), request.message(), actor());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
