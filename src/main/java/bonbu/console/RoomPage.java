package bonbu.console;

import bonbu.component.CatalogService;
import bonbu.component.ComponentStatus;
import bonbu.incident.IncidentQueries;
import bonbu.incident.IncidentService;
import bonbu.incident.IncidentView;
import bonbu.incident.terms.CommandRole;
import bonbu.incident.terms.IncidentStatus;
import bonbu.incident.terms.LinkKind;
import bonbu.incident.terms.Requests;
import bonbu.incident.terms.Severity;
import bonbu.security.Roles;
import bonbu.shared.LocalizedText;
import bonbu.shared.problem.ProblemException;
import bonbu.statuspage.site.UpdatePreview;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The incident room: where the incident stands, who holds which role, what it affects, and its
 * timeline, with the forms each role may use. Every form makes the same service call as the
 * matching JSON endpoint, with the same roles allowed.
 */
// Under /console like the work screens: a resource class at /console/incidents/{number} would
// also capture /console/incidents/{number}/work and answer it 404.
@Path("/console")
@Authenticated
@Produces(Forms.HTML)
public class RoomPage {

    @Inject
    IncidentService incidents;

    @Inject
    RoomModel model;

    @Inject
    IncidentQueries queries;

    @Inject
    CatalogService catalogService;

    @Inject
    SecurityIdentity identity;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @GET
    @Path("incidents/{number}")
    public Response room(@PathParam("number") String number) {
        return ok(model.render(queries.get(number), Map.of(), null, null));
    }

    @POST
    @Path("incidents/{number}/updates")
    @RolesAllowed({Roles.COMMANDER, Roles.COMMUNICATOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publishUpdate(
            @PathParam("number") String number,
            @FormParam("status") String status,
            @FormParam("messageKo") String messageKo,
            @FormParam("messageEn") String messageEn,
            @FormParam("version") String version,
            @FormParam("intent") String intent) {
        Map<String, String> typed = Forms.typed(
                "status", status,
                "messageKo", messageKo,
                "messageEn", messageEn);
        return act(number, "update", typed, () -> {
            Requests.PublishUpdate request = Forms.valid(
                    validator,
                    new Requests.PublishUpdate(
                            incidentStatus(status),
                            LocalizedText.of(Forms.blankToNull(messageKo), messageEn),
                            List.of()));
            if ("preview".equals(intent)) {
                List<UpdatePreview> preview = UpdatePreview.of(request.status(), request.message(), clock.instant());
                return ok(model.render(queries.get(number), typed, null, preview));
            }
            incidents.publishUpdate(number, request, Forms.version(version), actor());
            return Forms.seeOther(roomPath(number) + "#updates");
        });
    }

    @POST
    @Path("incidents/{number}/roles")
    @RolesAllowed(Roles.COMMANDER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assignRole(
            @PathParam("number") String number,
            @FormParam("role") String role,
            @FormParam("member") String member,
            @FormParam("version") String version) {
        Map<String, String> typed = Forms.typed("role", role, "member", member);
        return act(number, "roles", typed, () -> {
            incidents.assignRole(
                    number, commandRole(role), Forms.required(member, "member"), Forms.version(version), actor());
            return Forms.seeOther(roomPath(number) + "#roles");
        });
    }

    @POST
    @Path("incidents/{number}/severity")
    @RolesAllowed(Roles.COMMANDER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response overrideSeverity(
            @PathParam("number") String number,
            @FormParam("severity") String severity,
            @FormParam("reason") String reason,
            @FormParam("version") String version) {
        Map<String, String> typed = Forms.typed("severity", severity, "reason", reason);
        return act(number, "severity", typed, () -> {
            Requests.OverrideSeverity request = Forms.valid(
                    validator, new Requests.OverrideSeverity(severity(severity), Forms.blankToNull(reason)));
            incidents.overrideSeverity(number, request, Forms.version(version), actor());
            return Forms.seeOther(roomPath(number));
        });
    }

    @POST
    @Path("incidents/{number}/reopen")
    @RolesAllowed(Roles.COMMANDER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reopen(
            @PathParam("number") String number,
            @FormParam("reason") String reason,
            @FormParam("version") String version) {
        Map<String, String> typed = Forms.typed("reopenReason", reason);
        return act(number, "reopen", typed, () -> {
            Requests.Reopen request = Forms.valid(validator, new Requests.Reopen(Forms.blankToNull(reason)));
            incidents.reopen(number, request, Forms.version(version), actor());
            return Forms.seeOther(roomPath(number));
        });
    }

    @POST
    @Path("incidents/{number}/links")
    @RolesAllowed(Roles.COMMANDER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response link(
            @PathParam("number") String number,
            @FormParam("other") String other,
            @FormParam("kind") String kind,
            @FormParam("version") String version) {
        Map<String, String> typed = Forms.typed("other", other, "kind", kind);
        return act(number, "links", typed, () -> {
            Requests.LinkIncident request =
                    Forms.valid(validator, new Requests.LinkIncident(Forms.blankToNull(other), linkKind(kind)));
            incidents.link(number, request, Forms.version(version), actor());
            return Forms.seeOther(roomPath(number) + "#links");
        });
    }

    @POST
    @Path("incidents/{number}/components/status")
    @RolesAllowed({Roles.COMMANDER, Roles.RESPONDER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeComponentStatus(
            @PathParam("number") String number,
            @FormParam("key") String key,
            @FormParam("status") String status,
            @FormParam("reason") String reason) {
        Map<String, String> typed = Forms.typed("componentStatus", status, "componentReason", reason);
        return act(number, "component-" + key, typed, () -> {
            queries.get(number); // the room must exist
            catalogService.changeStatus(
                    Forms.required(key, "key"),
                    ComponentStatus.parse("status", status),
                    Forms.required(reason, "reason") + " (" + number + ")",
                    actor());
            return Forms.seeOther(roomPath(number) + "#components");
        });
    }

    /** Runs a form's action; a refusal renders the room again with the message and what was typed. */
    private Response act(String number, String form, Map<String, String> typed, Supplier<Response> action) {
        try {
            try {
                return action.get();
            } catch (OptimisticLockException e) {
                throw queries.lostRace(number);
            }
        } catch (ProblemException e) {
            IncidentView incident = queries.get(number);
            return Forms.page(
                    e.status(), model.render(incident, typed, new RoomModel.Refusal(form, e.getMessage()), null));
        }
    }

    private static Response ok(String html) {
        return Response.ok(html).type(Forms.HTML).build();
    }

    private static String roomPath(String number) {
        return "/console/incidents/" + number;
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static IncidentStatus incidentStatus(String value) {
        for (IncidentStatus s : IncidentStatus.values()) {
            if (s.value().equals(value)) return s;
        }
        throw ProblemException.notOneOf(
                "status",
                value,
                Arrays.stream(IncidentStatus.values())
                        .map(IncidentStatus::value)
                        .toList());
    }

    private static CommandRole commandRole(String value) {
        return Forms.oneOf(CommandRole.class, "role", value);
    }

    private static Severity severity(String value) {
        return Forms.oneOf(Severity.class, "severity", value == null ? null : value.toUpperCase(Locale.ROOT));
    }

    private static LinkKind linkKind(String value) {
        return Forms.oneOf(LinkKind.class, "kind", value);
    }
}
