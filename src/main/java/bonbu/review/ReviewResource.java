package bonbu.review;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** An incident's post-incident review. */
@Path("/api/incidents/{number}/review")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    /** The written part of the review; {@code version} (optional) guards against lost edits. */
    public record WriteReviewRequest(
            @Size(max = 20_000) String summary,
            @Size(max = 20_000) String impact,
            @Size(max = 50) List<@NotBlank @Size(max = 2000) String> contributingFactors,
            @Size(max = 200) List<@NotNull Long> highlights,
            Long version) {}

    @Inject
    ReviewService reviews;

    @Inject
    SecurityIdentity identity;

    @GET
    public ReviewView review(@PathParam("number") String number) {
        return reviews.review(number);
    }

    @PUT
    @RolesAllowed({Roles.COMMANDER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public ReviewView write(
            @PathParam("number") String number,
            @NotNull(message = "a JSON body is required") @Valid WriteReviewRequest request) {
        return reviews.write(
                number,
                new ReviewService.WriteReview(
                        request.summary(),
                        request.impact(),
                        request.contributingFactors(),
                        request.highlights(),
                        request.version()),
                actor());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
