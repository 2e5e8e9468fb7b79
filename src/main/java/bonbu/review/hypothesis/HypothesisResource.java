package bonbu.review.hypothesis;

import bonbu.security.Roles;
import bonbu.shared.LocalizedText;
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
import java.util.List;

/** Cause hypotheses of an incident: suspected, then confirmed or refuted, and the published cause. */
@Path("/api/incidents/{number}/hypotheses")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class HypothesisResource {

    /** A suspected cause and what points to it. */
    public record SuspectRequest(
            @NotNull(message = "is required: what may have caused it") @Valid
            LocalizedText statement,

            @NotBlank(message = "is required: what points to it") @Size(max = 4000)
            String evidence) {}

    /** Evidence for confirming or refuting. */
    public record EvidenceRequest(
            @NotBlank(message = "is required: what settles it") @Size(max = 4000)
            String evidence) {}

    @Inject
    HypothesisService hypotheses;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<HypothesisView> list(@PathParam("number") String number) {
        return hypotheses.list(number);
    }

    @POST
    @RolesAllowed({Roles.COMMANDER, Roles.RESPONDER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response suspect(
            @PathParam("number") String number,
            @NotNull(message = "a JSON body is required") @Valid SuspectRequest request) {
        HypothesisView h = hypotheses.suspect(number, request.statement(), request.evidence(), actor());
        return Response.status(201).entity(h).build();
    }

    @POST
    @Path("{id}/confirm")
    @RolesAllowed({Roles.COMMANDER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public HypothesisView confirm(
            @PathParam("number") String number,
            @PathParam("id") long id,
            @NotNull(message = "a JSON body is required") @Valid EvidenceRequest request) {
        return hypotheses.decide(number, id, HypothesisStatus.CONFIRMED, request.evidence(), actor());
    }

    @POST
    @Path("{id}/refute")
    @RolesAllowed({Roles.COMMANDER, Roles.RESPONDER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public HypothesisView refute(
            @PathParam("number") String number,
            @PathParam("id") long id,
            @NotNull(message = "a JSON body is required") @Valid EvidenceRequest request) {
        return hypotheses.decide(number, id, HypothesisStatus.REFUTED, request.evidence(), actor());
    }

    @POST
    @Path("{id}/publish")
    @RolesAllowed({Roles.COMMANDER, Roles.COMMUNICATOR, Roles.ADMIN})
    public HypothesisView publish(@PathParam("number") String number, @PathParam("id") long id) {
        return hypotheses.publish(number, id, actor());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
