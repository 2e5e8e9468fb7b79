package bonbu.console;

import bonbu.component.Alternative;
import bonbu.component.Catalog;
import bonbu.component.CatalogService;
import bonbu.component.ComponentKind;
import bonbu.component.ComponentView;
import bonbu.component.CreateComponentRequest;
import bonbu.component.DependencyKind;
import bonbu.component.EditComponentRequest;
import bonbu.security.Roles;
import bonbu.security.StaffSession;
import bonbu.shared.LocalizedText;
import bonbu.shared.problem.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The catalog as staff read it: every component with its own and effective status, what it
 * depends on and what depends on it; administrators also get the forms that shape it, which call
 * the same {@link CatalogService} methods as the JSON API.
 */
@Path("/console/catalog")
@Authenticated
@Produces(Forms.HTML)
public class CatalogPage {

    /** The descriptive fields of the create and edit forms. */
    public static class ComponentForm {
        @FormParam("nameKo")
        String nameKo;

        @FormParam("nameEn")
        String nameEn;

        @FormParam("groupKo")
        String groupKo;

        @FormParam("groupEn")
        String groupEn;

        @FormParam("kind")
        String kind;

        @FormParam("tier")
        String tier;

        @FormParam("public")
        String isPublic;

        @FormParam("descriptionKo")
        String descriptionKo;

        @FormParam("descriptionEn")
        String descriptionEn;

        Map<String, String> typed() {
            return Forms.typed(
                    "nameKo", nameKo,
                    "nameEn", nameEn,
                    "groupKo", groupKo,
                    "groupEn", groupEn,
                    "kind", kind,
                    "tier", tier,
                    "public", isPublic,
                    "descriptionKo", descriptionKo,
                    "descriptionEn", descriptionEn);
        }
    }

    /** A refusal to show beside the form it concerns. */
    @TemplateData
    record Refusal(String form, String message) {}

    @Inject
    Catalog catalog;

    @Inject
    CatalogService service;

    @Inject
    StaffSession session;

    @Inject
    SecurityIdentity identity;

    @Inject
    Validator validator;

    @Location("console/catalog.html")
    Template list;

    @Location("console/component.html")
    Template detail;

    @GET
    public Response catalog() {
        return ok(renderList(Map.of(), null));
    }

    @GET
    @Path("{key}")
    public Response component(@PathParam("key") String key) {
        return ok(renderDetail(catalog.get(key), Map.of(), null, null));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("key") String key, @BeanParam ComponentForm form) {
        Map<String, String> typed = form.typed();
        typed.put("key", Forms.orEmpty(key));
        try {
            CreateComponentRequest request = Forms.valid(
                    validator,
                    new CreateComponentRequest(
                            Forms.blankToNull(key),
                            text(form.nameKo, form.nameEn),
                            text(form.groupKo, form.groupEn),
                            kind(form.kind),
                            tier(form.tier),
                            "true".equals(form.isPublic),
                            optionalText(form.descriptionKo, form.descriptionEn),
                            List.of(),
                            null));
            ComponentView created = service.create(request, actor());
            return Forms.seeOther("/console/catalog/" + created.key());
        } catch (ProblemException e) {
            return Forms.page(e.status(), renderList(typed, new Refusal("create", e.getMessage())));
        }
    }

    @POST
    @Path("{key}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("key") String key, @BeanParam ComponentForm form) {
        Map<String, String> typed = form.typed();
        return act(key, "edit", typed, () -> {
            EditComponentRequest request = Forms.valid(
                    validator,
                    new EditComponentRequest(
                            null,
                            text(form.nameKo, form.nameEn),
                            text(form.groupKo, form.groupEn),
                            kind(form.kind),
                            tier(form.tier),
                            "true".equals(form.isPublic),
                            optionalText(form.descriptionKo, form.descriptionEn),
                            null,
                            null));
            service.edit(key, request, actor());
            return Forms.seeOther("/console/catalog/" + key);
        });
    }

    @POST
    @Path("{key}/dependencies")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addDependency(
            @PathParam("key") String key, @FormParam("upstream") String upstream, @FormParam("kind") String kind) {
        Map<String, String> typed = Forms.typed("upstream", upstream, "dependencyKind", kind);
        return act(key, "dependency", typed, () -> {
            service.setDependency(key, Forms.required(upstream, "upstream"), dependencyKind(kind), actor());
            return Forms.seeOther("/console/catalog/" + key + "#upstreams");
        });
    }

    @POST
    @Path("{key}/dependencies/remove")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeDependency(@PathParam("key") String key, @FormParam("upstream") String upstream) {
        return act(key, "remove", Map.of(), () -> {
            service.removeDependency(key, Forms.required(upstream, "upstream"), actor());
            return Forms.seeOther("/console/catalog/" + key + "#upstreams");
        });
    }

    @POST
    @Path("{key}/alternatives")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setAlternatives(
            @PathParam("key") String key,
            @FormParam("altNameKo") List<String> nameKo,
            @FormParam("altNameEn") List<String> nameEn,
            @FormParam("altHowToKo") List<String> howToKo,
            @FormParam("altHowToEn") List<String> howToEn,
            @FormParam("altUrl") List<String> url,
            @FormParam("altHoursKo") List<String> hoursKo,
            @FormParam("altHoursEn") List<String> hoursEn,
            @FormParam("altComponent") List<String> component) {
        List<CatalogRows.AlternativeRow> rows = new ArrayList<>();
        int n = nameKo == null ? 0 : nameKo.size();
        for (int i = 0; i < n; i++) {
            rows.add(new CatalogRows.AlternativeRow(
                    i + 1,
                    at(nameKo, i),
                    at(nameEn, i),
                    at(howToKo, i),
                    at(howToEn, i),
                    at(url, i),
                    at(hoursKo, i),
                    at(hoursEn, i),
                    at(component, i)));
        }
        try {
            List<Alternative> alternatives = rows.stream()
                    .filter(r -> !(r.nameKo().isBlank()
                            && r.nameEn().isBlank()
                            && r.url().isBlank()
                            && r.howToKo().isBlank()))
                    .map(r -> new Alternative(
                            text(r.nameKo(), r.nameEn()),
                            optionalText(r.howToKo(), r.howToEn()),
                            Forms.blankToNull(r.url()),
                            optionalText(r.hoursKo(), r.hoursEn()),
                            Forms.blankToNull(r.component())))
                    .toList();
            EditComponentRequest request = Forms.valid(
                    validator, new EditComponentRequest(null, null, null, null, null, null, null, alternatives, null));
            service.edit(key, request, actor());
            return Forms.seeOther("/console/catalog/" + key + "#alternatives");
        } catch (ProblemException e) {
            return Forms.page(
                    e.status(),
                    renderDetail(catalog.get(key), Map.of(), new Refusal("alternatives", e.getMessage()), rows));
        }
    }

    private Response act(String key, String form, Map<String, String> typed, Supplier<Response> action) {
        try {
            return action.get();
        } catch (ProblemException e) {
            return Forms.page(
                    e.status(), renderDetail(catalog.get(key), typed, new Refusal(form, e.getMessage()), null));
        }
    }

    private String renderList(Map<String, String> typed, Refusal refusal) {
        Map<String, String> values = new HashMap<>(typed);
        for (String f : List.of(
                "key", "nameKo", "nameEn", "groupKo", "groupEn", "tier", "public", "descriptionKo", "descriptionEn")) {
            values.putIfAbsent(f, "");
        }
        values.putIfAbsent("kind", ComponentKind.PUBLIC_SERVICE.name());
        return list.data("session", ConsoleSession.of(session))
                .data("components", catalog.all().stream().map(CatalogRows::row).toList())
                .data("kinds", CatalogRows.kinds())
                .data("typed", values)
                .data("refusal", refusal == null ? new Refusal("", "") : refusal)
                .render();
    }

    private String renderDetail(
            ComponentView c,
            Map<String, String> typed,
            Refusal refusal,
            List<CatalogRows.AlternativeRow> typedAlternatives) {
        CatalogRows.Row row = CatalogRows.row(c);
        Map<String, String> values = new HashMap<>(typed);
        values.putIfAbsent("nameKo", row.nameKo());
        values.putIfAbsent("nameEn", row.nameEn());
        values.putIfAbsent("groupKo", row.groupKo());
        values.putIfAbsent("groupEn", row.groupEn());
        values.putIfAbsent("kind", row.kind());
        values.putIfAbsent("tier", Integer.toString(row.tier()));
        values.putIfAbsent("public", row.isPublic() ? "true" : "");
        values.putIfAbsent("descriptionKo", row.descriptionKo());
        values.putIfAbsent("descriptionEn", row.descriptionEn());
        values.putIfAbsent("upstream", "");
        values.putIfAbsent("dependencyKind", DependencyKind.REQUIRED.name());
        List<CatalogRows.AlternativeRow> alternatives =
                new ArrayList<>(typedAlternatives != null ? typedAlternatives : row.alternatives());
        alternatives.add(new CatalogRows.AlternativeRow(alternatives.size() + 1, "", "", "", "", "", "", "", ""));
        List<Labels.Option> others = catalog.all().stream()
                .filter(o -> !o.key().equals(c.key()))
                .map(o -> new Labels.Option(o.key(), o.name().ko() + " (" + o.key() + ")"))
                .toList();
        return detail.data("session", ConsoleSession.of(session))
                .data("c", row)
                .data("kinds", CatalogRows.kinds())
                .data("others", others)
                .data("alternatives", alternatives)
                .data("typed", values)
                .data("refusal", refusal == null ? new Refusal("", "") : refusal)
                .render();
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() || values.get(i) == null
                ? ""
                : values.get(i).strip();
    }

    private static LocalizedText text(String ko, String en) {
        return LocalizedText.of(Forms.blankToNull(ko), en);
    }

    private static LocalizedText optionalText(String ko, String en) {
        return Forms.blankToNull(ko) == null && Forms.blankToNull(en) == null ? null : text(ko, en);
    }

    private static ComponentKind kind(String value) {
        return Forms.oneOf(ComponentKind.class, "kind", value);
    }

    private static DependencyKind dependencyKind(String value) {
        return Forms.oneOf(DependencyKind.class, "kind", value);
    }

    private static Integer tier(String value) {
        try {
            return Integer.valueOf(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.notOneOf("tier", value, List.of("1", "2", "3", "4"));
        }
    }

    private static Response ok(String html) {
        return Response.ok(html).type(Forms.HTML).build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
