package bonbu.console;

import bonbu.component.CatalogService;
import bonbu.component.ComponentStatus;
import bonbu.incident.CommandRole;
import bonbu.incident.IncidentService;
import bonbu.incident.IncidentStatus;
import bonbu.incident.IncidentView;
import bonbu.incident.LinkKind;
import bonbu.incident.Requests;
import bonbu.incident.Severity;
import bonbu.security.Roles;
import bonbu.security.StaffSession;
import bonbu.shared.LocalizedText;
import bonbu.shared.problem.ProblemException;
import bonbu.statuspage.site.UpdatePreview;
import bonbu.timeline.Timeline;
import bonbu.timeline.TimelineEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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

    static final int TIMELINE_ENTRIES = 200;

    /** A role and who holds it now. */
    @TemplateData
    record RoleRow(String role, String label, String member, String since) {}

    /** A component the incident affects. */
    @TemplateData
    record ComponentRow(
            String key,
            String nameKo,
            String nameEn,
            int tier,
            boolean direct,
            String status,
            String statusLabel,
            String effective,
            String via) {}

    /** A published update, newest first. */
    @TemplateData
    record UpdateRow(String status, String ko, String en, String author, String at, String iso) {}

    /** A linked incident. */
    @TemplateData
    record LinkRow(String number, String title, String kind, String direction, String status) {}

    /** A timeline entry, newest first. */
    @TemplateData
    record Entry(long seq, String at, String iso, String actor, String type, String audience, String what) {}

    /** A refusal to show beside the form it concerns. */
    @TemplateData
    record Refusal(String form, String message) {}

    @Inject
    IncidentService incidents;

    @Inject
    CatalogService catalogService;

    @Inject
    Timeline timeline;

    @Inject
    StaffSession session;

    @Inject
    SecurityIdentity identity;

    @Inject
    Validator validator;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Location("console/room.html")
    Template page;

    @GET
    @Path("incidents/{number}")
    public Response room(@PathParam("number") String number) {
        return ok(render(incidents.get(number), Map.of(), null, null));
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
                return ok(render(incidents.get(number), typed, null, preview));
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
            incidents.get(number); // the room must exist
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
                throw incidents.lostRace(number);
            }
        } catch (ProblemException e) {
            IncidentView incident = incidents.get(number);
            return Forms.page(e.status(), render(incident, typed, new Refusal(form, e.getMessage()), null));
        }
    }

    private String render(
            IncidentView incident, Map<String, String> typed, Refusal refusal, List<UpdatePreview> preview) {
        Map<String, String> values = new HashMap<>(typed);
        values.putIfAbsent("status", incident.status().value());
        values.putIfAbsent("severity", incident.severity().name());
        values.putIfAbsent("role", CommandRole.INCIDENT_COMMANDER.name());
        values.putIfAbsent("kind", "RELATED");
        values.putIfAbsent("componentStatus", ComponentStatus.OPERATIONAL.value());
        for (String field :
                List.of("messageKo", "messageEn", "member", "reason", "reopenReason", "other", "componentReason")) {
            values.putIfAbsent(field, "");
        }
        List<RoleRow> roles = new ArrayList<>();
        for (CommandRole r : CommandRole.values()) {
            IncidentView.Role held = incident.roles().stream()
                    .filter(h -> h.role() == r)
                    .findFirst()
                    .orElse(null);
            roles.add(new RoleRow(
                    r.name(),
                    Labels.of(r),
                    held == null ? "" : held.member(),
                    held == null ? "" : Forms.time(held.assumedAt())));
        }
        List<ComponentRow> components = incident.components().stream()
                .map(c -> new ComponentRow(
                        c.key(),
                        c.name().ko(),
                        c.name().en() == null ? "" : c.name().en(),
                        c.tier(),
                        c.direct(),
                        c.status().value(),
                        Labels.of(c.status()),
                        Labels.of(c.effectiveStatus()),
                        c.causes().stream()
                                .map(k -> k.name().ko() + " "
                                        + (k.name().en() == null ? "" : k.name().en()))
                                .collect(Collectors.joining(" → "))))
                .toList();
        List<UpdateRow> updates = new ArrayList<>();
        for (IncidentView.Update u : incident.updates()) {
            updates.add(new UpdateRow(
                    Labels.of(u.status()),
                    u.message().ko(),
                    u.message().en() == null ? "" : u.message().en(),
                    u.author(),
                    Forms.time(u.publishedAt()),
                    Forms.iso(u.publishedAt())));
        }
        List<LinkRow> links = incident.links().stream()
                .map(l -> new LinkRow(
                        l.number(),
                        l.title().ko(),
                        l.kind() == LinkKind.RECURRENCE_OF ? "재발 RECURRENCE_OF" : "관련 RELATED",
                        "outgoing".equals(l.direction()) ? "→" : "←",
                        Labels.of(l.status())))
                .toList();
        List<Entry> entries = timeline.ofIncident(incident.number(), TIMELINE_ENTRIES).stream()
                .map(this::entry)
                .toList();
        IncidentView.KeyTimes k = incident.keyTimes();
        Map<String, String> times = new java.util.LinkedHashMap<>();
        times.put("감지 Detected", Forms.time(k.detectedAt()));
        times.put("선언 Declared", Forms.time(k.declaredAt()));
        times.put("원인 파악 Identified", Forms.time(k.identifiedAt()));
        times.put("완화 Mitigated", Forms.time(k.mitigatedAt()));
        times.put("해결 Resolved", Forms.time(k.resolvedAt()));
        boolean active = incident.status() != IncidentStatus.RESOLVED;
        return page.data("session", ConsoleSession.of(session))
                .data("number", incident.number())
                .data("titleKo", incident.title().ko())
                .data(
                        "titleEn",
                        incident.title().en() == null ? "" : incident.title().en())
                .data("status", Labels.of(incident.status()))
                .data("severity", incident.severity().name())
                .data("commander", incident.commander() == null ? "—" : incident.commander())
                .data("overdue", incident.updateOverdue())
                .data("lastUpdate", Forms.time(incident.lastUpdateAt()))
                .data("active", active)
                .data("version", incident.version())
                .data(
                        "times",
                        times.entrySet().stream()
                                .map(e -> new Labels.Option(
                                        e.getKey(), e.getValue().isEmpty() ? "—" : e.getValue()))
                                .toList())
                .data("roles", roles)
                .data("components", components)
                .data("updates", updates)
                .data("links", links)
                .data("entries", entries)
                .data("typed", values)
                .data("refusal", refusal == null ? new Refusal("", "") : refusal)
                .data("preview", preview)
                .data("roleOptions", Labels.roles())
                .data("componentStatuses", Labels.componentStatuses())
                .data("incidentStatuses", Labels.incidentStatuses())
                .data(
                        "severities",
                        Arrays.stream(Severity.values()).map(Enum::name).toList())
                .render();
    }

    private Entry entry(TimelineEvent e) {
        return new Entry(
                e.seq(),
                Forms.time(e.at()),
                Forms.iso(e.at()),
                e.actor(),
                e.type(),
                e.audience().name(),
                what(e));
    }

    /** A short reading of an entry's facts; the full record is on the timeline page. */
    private String what(TimelineEvent e) {
        Map<String, Object> d = e.data();
        return switch (e.type()) {
            case "incident.update_published", "incident.declared" -> {
                Object update = "incident.declared".equals(e.type()) ? d.get("update") : d;
                Object message = update instanceof Map<?, ?> m ? m.get("message") : null;
                Object ko = message instanceof Map<?, ?> m ? m.get("ko") : message;
                Object status = update instanceof Map<?, ?> m ? m.get("status") : null;
                yield status + ": " + ko;
            }
            case "incident.role_assigned" ->
                d.get("role") + " → " + d.get("member")
                        + (d.get("previous") == null ? "" : " (" + d.get("previous") + ")");
            case "component.status_changed" ->
                d.get("key") + ": " + d.get("from") + " → " + d.get("to")
                        + (d.get("reason") == null ? "" : " — " + d.get("reason"));
            default -> compact(d);
        };
    }

    private String compact(Object value) {
        try {
            String s = json.writeValueAsString(value);
            return s.length() > 300 ? s.substring(0, 300) + "…" : s;
        } catch (JsonProcessingException e) {
            return "";
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
