package bonbu.timeline.integrity;

import bonbu.shared.web.QueryParams;
import bonbu.timeline.Timeline;
import bonbu.timeline.TimelineEvent;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
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

    @Inject
    ChainVerifier verifier;

    /** Recomputes the whole hash chain: OK, or the first broken seq. */
    @GET
    @Path("verify")
    public ChainCheck verify() {
        return verifier.all();
    }

    @GET
    public TimelinePage page(@QueryParam("since") String since, @QueryParam("limit") String limit) {
        long from = QueryParams.number("since", since, 0, 0, Long.MAX_VALUE);
        int max = (int) QueryParams.number("limit", limit, 100, 1, 1000);
        List<TimelineEvent> entries = timeline.since(from, max + 1);
        boolean more = entries.size() > max;
        List<TimelineEvent> page = more ? entries.subList(0, max) : entries;
        long next = page.isEmpty() ? from : page.get(page.size() - 1).seq();
        return new TimelinePage(page, next, more);
    }
}
