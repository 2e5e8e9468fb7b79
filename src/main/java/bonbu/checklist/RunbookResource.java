package bonbu.checklist;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The runbooks that apply to an incident, most specific first. */
@Path("/api/incidents/{number}/runbooks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RunbookResource {

    @Inject
    ChecklistService checklists;

    @GET
    public List<ChecklistView.Suggestion> suggested(@PathParam("number") String number) {
        return checklists.suggestions(number);
    }
}
