package bonbu.task;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Open tasks across incidents for one member: {@code ?assignee=me} (the default) or a username. */
@Path("/api/tasks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Inject
    TaskService tasks;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<TaskView> open(@QueryParam("assignee") String assignee) {
        String who = assignee == null || assignee.isBlank() || assignee.equals("me")
                ? identity.getPrincipal().getName()
                : assignee.strip();
        return tasks.openFor(who);
    }
}
