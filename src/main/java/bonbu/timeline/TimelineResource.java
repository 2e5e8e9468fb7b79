package bonbu.timeline;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Staff read access to the whole log, page by page in commit order. */
@Path("/api/timeline")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    /** A page of the log: the entries, the seq to ask for next, and whether more are waiting. */
    public record TimelinePage(List<TimelineEvent> entries, long next, boolean more) {}

    @Inject
    Timeline timeline;

    @GET
    public TimelinePage page(
            @QueryParam("since") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") long since,
            @QueryParam("limit")
                    @DefaultValue("100")
                    @Min(value = 1, message = "must be between 1 and 1000")
                    @Max(value = 1000, message = "must be between 1 and 1000")
                    int limit) {
        List<TimelineEvent> entries = timeline.since(since, limit + 1);
        boolean more = entries.size() > limit;
        List<TimelineEvent> page = more ? entries.subList(0, limit) : entries;
        long next = page.isEmpty() ? since : page.get(page.size() - 1).seq();
        return new TimelinePage(page, next, more);
    }
}
