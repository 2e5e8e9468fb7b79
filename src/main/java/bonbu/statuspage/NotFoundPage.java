package bonbu.statuspage;

import bonbu.shared.problem.PageNotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** The public site's own not-found page (in the path's language) for a mistyped address. */
@ApplicationScoped
class NotFoundPage implements PageNotFound {

    @Inject
    PublicSnapshot snapshot;

    @Override
    public Optional<Response> pageFor(String path) {
        Site site = snapshot.site();
        if (site == null || path.startsWith("/api/") || path.startsWith("/q/") || path.startsWith("/ws/")) {
            return Optional.empty();
        }
        boolean english = path.equals("/en") || path.startsWith("/en/");
        Resource page = site.get(Site.notFoundPath(english ? "en" : "ko"));
        return Optional.of(Response.status(404)
                .type(page.contentType())
                .header("Content-Language", page.language())
                .entity(page.body())
                .build());
    }
}
