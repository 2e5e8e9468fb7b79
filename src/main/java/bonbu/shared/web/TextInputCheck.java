package bonbu.shared.web;

import bonbu.shared.problem.ProblemException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Refuses a NUL character (U+0000) in the address, a query parameter or a form field of any
 * request before a handler sees it: PostgreSQL cannot store or even compare such text. JSON
 * bodies get the same rule from {@link StrictJson}. Runs after the cross-site check, so a forged
 * form is still refused as forged.
 */
class TextInputCheck {

    @ServerRequestFilter(priority = Priorities.USER + 10)
    @WithFormRead
    Optional<Response> check(ResteasyReactiveContainerRequestContext request) {
        if (InputRules.hasNul(request.getUriInfo().getPath())) {
            return refuse("path");
        }
        Optional<Response> query = check(request.getUriInfo().getQueryParameters());
        if (query.isPresent()) return query;
        ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
        FormData form = context.getFormData();
        if (form != null) {
            for (String name : form) {
                if (InputRules.hasNul(name)) return refuse("form field name");
                for (FormValue value : form.get(name)) {
                    if (!value.isFileItem() && InputRules.hasNul(value.getValue())) return refuse(name);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Response> check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (InputRules.hasNul(parameter.getKey())) return refuse("query parameter name");
            for (String value : parameter.getValue()) {
                if (InputRules.hasNul(value)) return refuse(parameter.getKey());
            }
        }
        return Optional.empty();
    }

    private static Optional<Response> refuse(String field) {
        ProblemException refusal = InputRules.refused(field, InputRules.NUL_REASON, null);
        return Optional.of(ProblemMapper.respond(400, refusal.title(), refusal.getMessage(), refusal.extensions()));
    }
}
