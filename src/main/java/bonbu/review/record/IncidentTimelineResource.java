package bonbu.review.record;

import bonbu.timeline.integrity.ChainCheck;
import bonbu.timeline.integrity.ChainVerifier;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** An incident's timeline for staff, ministry viewers included: read-only. */
@Path("/api/incidents/{number}/timeline")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class IncidentTimelineResource {

    @Inject
    RecordService records;

    @Inject
    ChainVerifier verifier;

    @Inject
    bonbu.incident.IncidentQueries incidents;

    /**
     * Chronological, grouped by day in Korea; {@code type} (exact or a prefix such as
     * {@code incident}), {@code audience} (PUBLIC or STAFF), {@code actor} and {@code component}
     * (entries that name the key) narrow it.
     */
    @GET
    public IncidentRecord timeline(
            @PathParam("number") String number,
            @QueryParam("type") String type,
            @QueryParam("audience") String audience,
            @QueryParam("actor") String actor,
            @QueryParam("component") String component) {
        return records.record(number, RecordService.Filter.of(type, audience, actor, component));
    }

    /** Key times, durations, and per-component minutes against the tier's recovery-time target. */
    @GET
    @Path("measures")
    public Measures measures(@PathParam("number") String number) {
        return records.measures(number);
    }

    /** Recomputes the hash of each of the incident's entries against the entry before it. */
    @GET
    @Path("verify")
    public ChainCheck verify(@PathParam("number") String number) {
        incidents.get(number); // 404 for an unknown incident
        return verifier.incident(number);
    }
}
