package bonbu.review.action;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The ministry-wide list of open follow-up actions, across incidents. */
@Path("/api/actions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ActionsResource {

    @Inject
    ActionService actions;

    /** Open and in-progress actions, soonest due first; {@code owner} narrows to one person. */
    @GET
    public List<ActionView> open(@QueryParam("owner") String owner) {
        return actions.open(owner == null || owner.isBlank() ? null : owner.strip());
    }
}
