package bonbu.security;

import bonbu.security.signin.SignInPages;
import bonbu.shared.web.ProblemMapper;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Refuses cross-site requests that change something. A browser sends a cross-site POST without
 * asking first only as a form or plain text; so a form must carry the token of this service's
 * own pages, plain text and bodiless POSTs are refused, and JSON (which a browser would have to
 * ask permission for, and never gets) passes. A request naming another site as its Origin is
 * refused whatever it carries.
 */
class RequestGuard {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter
    @WithFormRead
    Optional<Response> check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        String method = request.getMethod();
        if (SAFE.contains(method)) return Optional.empty();
        String origin = request.getHeaderString("Origin");
        if (origin != null && !Origins.sameSite(origin, request.getHeaderString("Host"))) {
            return refuse(
                    403,
                    "Cross-site request refused",
                    "This request came from a page on another site (" + origin + "). Use Bonbu's own pages.");
        }
        MediaType type = request.getMediaType();
        boolean form = type != null
                && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
        if (form) {
            ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
            Object sent = context.getFormParameter(StaffSession.CSRF_FIELD, true, false);
            String cookie = cookie(routing, SignInPages.SESSION_COOKIE);
            if (cookie == null && request.getUriInfo().getPath().equals(SignInPages.SIGN_IN_PATH)) {
                cookie = cookie(routing, SignInPages.SIGN_IN_COOKIE);
            }
            if (cookie == null || !(sent instanceof String token) || !Secrets.same(token, Secrets.csrfFor(cookie))) {
                return refuse(
                        403,
                        "Form expired",
                        "This form is out of date or did not come from Bonbu's own pages. Reload the page and send it"
                                + " again; nothing was changed.");
            }
            return Optional.empty();
        }
        if ("POST".equals(method) && (type == null || type.isCompatible(MediaType.TEXT_PLAIN_TYPE))) {
            return refuse(
                    415,
                    "Unsupported Media Type",
                    "Send the request with Content-Type: application/json (an empty body may be {}); nothing was"
                            + " changed.");
        }
        return Optional.empty();
    }

    private static Optional<Response> refuse(int status, String title, String detail) {
        return Optional.of(ProblemMapper.respond(status, title, detail, Map.of()));
    }

    private static String cookie(RoutingContext routing, String name) {
        Cookie cookie = routing.request().getCookie(name);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }
}
