package bonbu.console;

import bonbu.component.Catalog;
import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.incident.IncidentQueries;
import bonbu.incident.IncidentService;
import bonbu.incident.IncidentView;
import bonbu.incident.terms.DeclarationPreview;
import bonbu.incident.terms.Requests;
import bonbu.security.Roles;
import bonbu.security.StaffSession;
import bonbu.shared.LocalizedText;
import bonbu.shared.problem.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Declaring an incident from the console: choose components and statuses, preview the blast
 * radius and the severity it implies (a GET that changes nothing), then confirm with a POST that
 * makes the same declaration as {@code POST /api/incidents}.
 */
@Path("/console/declare")
@RolesAllowed(Roles.COMMANDER)
@Produces(Forms.HTML)
public class DeclarePage {

    /** Rows offered beyond the ones already chosen. */
    static final int BLANK_ROWS = 2;

    static final int MIN_ROWS = 3;

    /** What the person has chosen and typed so far. */
    @TemplateData
    record Draft(List<Row> rows, String titleKo, String titleEn, String messageKo, String messageEn) {

        List<Requests.ComponentChange> changes() {
            return rows.stream()
                    .filter(r -> !r.component().isBlank())
                    .map(r -> new Requests.ComponentChange(r.component(), ComponentStatus.parse("status", r.status())))
                    .toList();
        }

        boolean chosen() {
            return rows.stream().anyMatch(r -> !r.component().isBlank());
        }

        Requests.DeclareIncident request() {
            return new Requests.DeclareIncident(
                    LocalizedText.of(Forms.blankToNull(titleKo), titleEn),
                    changes(),
                    LocalizedText.of(Forms.blankToNull(messageKo), messageEn),
                    null,
                    null);
        }
    }

    /** One component-and-status row of the form. */
    @TemplateData
    record Row(int index, String component, String status) {}

    /** A component the declaration would affect, as the preview lists it. */
    @TemplateData
    record Affected(
            String key,
            String nameKo,
            String nameEn,
            int tier,
            boolean direct,
            String now,
            String then,
            String via,
            boolean isPublic) {}

    @Inject
    IncidentService incidents;

    @Inject
    IncidentQueries queries;

    @Inject
    Catalog catalog;

    @Inject
    StaffSession session;

    @Inject
    SecurityIdentity identity;

    @Inject
    Validator validator;

    @Location("console/declare.html")
    Template page;

    @GET
    public Response form(
            @QueryParam("component") List<String> components,
            @QueryParam("status") List<String> statuses,
            @QueryParam("titleKo") String titleKo,
            @QueryParam("titleEn") String titleEn,
            @QueryParam("messageKo") String messageKo,
            @QueryParam("messageEn") String messageEn) {
        Draft draft = draft(components, statuses, titleKo, titleEn, messageKo, messageEn);
        try {
            return Response.ok(render(draft, draft.chosen() ? queries.previewDeclaration(draft.changes()) : null, null))
                    .type(Forms.HTML)
                    .build();
        } catch (ProblemException e) {
            return Forms.page(e.status(), render(draft, null, e.getMessage()));
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response declare(
            @FormParam("component") List<String> components,
            @FormParam("status") List<String> statuses,
            @FormParam("titleKo") String titleKo,
            @FormParam("titleEn") String titleEn,
            @FormParam("messageKo") String messageKo,
            @FormParam("messageEn") String messageEn) {
        Draft draft = draft(components, statuses, titleKo, titleEn, messageKo, messageEn);
        try {
            IncidentView declared = incidents.declare(
                    Forms.valid(validator, draft.request()),
                    identity.getPrincipal().getName());
            return Forms.seeOther("/console/incidents/" + declared.number());
        } catch (ProblemException e) {
            DeclarationPreview preview = null;
            try {
                if (draft.chosen()) preview = queries.previewDeclaration(draft.changes());
            } catch (ProblemException ignored) {
                // The refusal above already says what is wrong with the components.
            }
            return Forms.page(e.status(), render(draft, preview, e.getMessage()));
        }
    }

    private String render(Draft draft, DeclarationPreview preview, String error) {
        List<Labels.Option> components = new ArrayList<>();
        for (ComponentView c : catalog.all()) {
            components.add(new Labels.Option(
                    c.key(),
                    c.name().ko() + (c.name().en() == null ? "" : " " + c.name().en()) + " (" + c.key() + ")"));
        }
        List<Affected> affected = preview == null
                ? List.of()
                : preview.components().stream()
                        .map(a -> new Affected(
                                a.key(),
                                a.name().ko(),
                                a.name().en() == null ? "" : a.name().en(),
                                a.tier(),
                                a.direct(),
                                Labels.of(a.now()),
                                Labels.of(a.then()),
                                a.causes().stream()
                                        .map(c -> c.name().ko() + " "
                                                + (c.name().en() == null
                                                        ? ""
                                                        : c.name().en()))
                                        .collect(Collectors.joining(" → ")),
                                a.isPublic()))
                        .toList();
        return page.data("session", ConsoleSession.of(session))
                .data("draft", draft)
                .data("components", components)
                .data("statuses", Labels.componentStatuses())
                .data("preview", preview != null)
                .data("affected", affected)
                .data("severity", preview == null ? "" : preview.severity().name())
                .data("error", error)
                .render();
    }

    private static Draft draft(
            List<String> components,
            List<String> statuses,
            String titleKo,
            String titleEn,
            String messageKo,
            String messageEn) {
        List<Row> rows = new ArrayList<>();
        List<String> keys = components == null ? List.of() : components;
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i) == null ? "" : keys.get(i).strip();
            String status = statuses != null && i < statuses.size() && statuses.get(i) != null
                    ? statuses.get(i).strip()
                    : ComponentStatus.MAJOR_OUTAGE.value();
            if (!key.isEmpty()) rows.add(new Row(rows.size() + 1, key, status));
        }
        int chosen = rows.size();
        while (rows.size() < Math.max(MIN_ROWS, chosen + BLANK_ROWS)) {
            rows.add(new Row(rows.size() + 1, "", ComponentStatus.MAJOR_OUTAGE.value()));
        }
        return new Draft(
                rows,
                Forms.orEmpty(titleKo),
                Forms.orEmpty(titleEn),
                Forms.orEmpty(messageKo),
                Forms.orEmpty(messageEn));
    }
}
