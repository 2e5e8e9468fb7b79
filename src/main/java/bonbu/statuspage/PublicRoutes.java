package bonbu.statuspage;

import bonbu.shared.web.ProblemMapper;
import bonbu.statuspage.site.Texts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Serves the public site from the in-memory snapshot, on the event loop, without touching the
 * database: the bytes were rendered (and gzipped) when the snapshot was built, so a request is a
 * map lookup, a conditional check and a copy to the network.
 */
@ApplicationScoped
class PublicRoutes {

    private static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized("Cache-Control");
    private static final CharSequence VARY = HttpHeaders.createOptimized("Vary");
    private static final CharSequence ACCEPT_ENCODING = HttpHeaders.createOptimized("Accept-Encoding");
    private static final CharSequence VARY_LANGUAGE = HttpHeaders.createOptimized("Accept-Encoding, Accept-Language");
    private static final CharSequence ALLOW_ORIGIN = HttpHeaders.createOptimized("Access-Control-Allow-Origin");
    private static final CharSequence ANY = HttpHeaders.createOptimized("*");
    private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");
    private static final CharSequence SEQ = HttpHeaders.createOptimized("X-Bonbu-Seq");

    @Inject
    PublicSnapshot snapshot;

    @Inject
    SiteRenderer renderer;

    @Inject
    StatusPageConfig config;

    @Inject
    PublicDatabaseGuard guard;

    private Counter requests;
    private CharSequence cacheControl;

    void install(@Observes Router router, MeterRegistry registry) {
        guard.counter();
        requests = Counter.builder("bonbu.public.requests")
                .description("Public pages, feeds and JSON documents served from the snapshot")
                .register(registry);
        cacheControl = HttpHeaders.createOptimized("public, max-age="
                + config.maxAge().toSeconds()
                + ", stale-while-revalidate=" + config.staleWhileRevalidate().toSeconds()
                + ", stale-if-error=86400");
        // Before the REST layer: these paths are the public site's, and must not wait for it.
        router.route().order(Integer.MIN_VALUE + 10).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        String path = normalise(ctx.normalizedPath());
        if (!isPublic(path)) {
            ctx.next();
            return;
        }
        if (method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS) {
            Site site = snapshot.site();
            if (site != null && site.get(path) != null) {
                ProblemMapper.notAllowed(ctx, "GET, HEAD, OPTIONS");
            } else {
                ctx.next();
            }
            return;
        }
        guard.enter();
        try {
            serve(ctx, method, path);
        } finally {
            guard.exit();
        }
    }

    private void serve(RoutingContext ctx, HttpMethod method, String path) {
        Site site = snapshot.site();
        HttpServerResponse response = ctx.response();
        if (site == null) {
            response.putHeader("Retry-After", "2");
            ProblemMapper.answer(
                    ctx, 503, "Starting", "The status page is loading its first snapshot. Try again in a few seconds.");
            return;
        }
        if (method == HttpMethod.OPTIONS) {
            response.setStatusCode(204)
                    .putHeader(ALLOW_ORIGIN, ANY)
                    .putHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
                    .putHeader("Access-Control-Allow-Headers", "*")
                    .putHeader("Access-Control-Max-Age", "86400")
                    .end();
            return;
        }
        boolean root = path.equals("/");
        if (root) {
            String lang = ctx.request().getParam("lang");
            if (lang == null && prefersEnglish(ctx.request().getHeader("Accept-Language"))) {
                requests.increment();
                response.setStatusCode(302)
                        .putHeader("Location", "/en/")
                        .putHeader(VARY, VARY_LANGUAGE)
                        .putHeader(CACHE_CONTROL, cacheControl)
                        .end();
                return;
            }
        }
        String query = ctx.request().getParam("q");
        if ((root || path.equals("/en/")) && query != null && !query.isBlank()) {
            requests.increment();
            searchResults(ctx, site, root ? Texts.KO : Texts.EN, query);
            return;
        }
        if (path.equals("/history") || path.equals("/en/history")) {
            String page = ctx.request().getParam("page");
            if (page != null && page.matches("[0-9]{1,6}") && Integer.parseInt(page) > 1) {
                path = path + "/page/" + Integer.parseInt(page);
            }
        }
        Resource resource = site.get(path);
        if (resource == null) {
            boolean english = path.startsWith("/en/");
            if (!path.startsWith(english ? "/en/incidents/" : "/incidents/")
                    && !path.startsWith(english ? "/en/history/page/" : "/history/page/")) {
                ctx.next();
                return;
            }
            resource = site.get(Site.notFoundPath(english ? "en" : "ko"));
        }
        requests.increment();
        send(ctx, method, resource, site, root);
    }

    private void send(RoutingContext ctx, HttpMethod method, Resource resource, Site site, boolean root) {
        HttpServerResponse response = ctx.response();
        String accept = ctx.request().getHeader(ACCEPT_ENCODING);
        boolean gzip = accept != null && acceptsGzip(accept);
        String etag = gzip ? resource.gzipEtag() : resource.etag();
        response.putHeader(HttpHeaders.CONTENT_TYPE, resource.contentType())
                .putHeader(HttpHeaders.ETAG, etag)
                .putHeader(CACHE_CONTROL, cacheControl)
                .putHeader(VARY, root ? VARY_LANGUAGE : ACCEPT_ENCODING)
                .putHeader(ALLOW_ORIGIN, ANY)
                .putHeader("Content-Language", resource.language())
                .putHeader(SEQ, Long.toString(site.state().seq()));
        String ifNoneMatch = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        if (resource.status() == 200 && ifNoneMatch != null && matches(ifNoneMatch, resource)) {
            response.setStatusCode(304).end();
            return;
        }
        byte[] body = gzip ? resource.gzip() : resource.body();
        if (gzip) response.putHeader(HttpHeaders.CONTENT_ENCODING, GZIP);
        response.setStatusCode(resource.status());
        if (method == HttpMethod.HEAD) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length))
                    .end();
        } else {
            response.end(Buffer.buffer(body));
        }
    }

    /** The front page filtered by a query, rendered for this request from the snapshot's state. */
    private void searchResults(RoutingContext ctx, Site site, Texts texts, String query) {
        String limited = query.length() > 100 ? query.substring(0, 100) : query;
        String html =
                renderer.renderSearch(site.state(), site.stale(), site.state().loadedAt(), texts, limited);
        ctx.response()
                .setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, Resource.HTML)
                .putHeader(CACHE_CONTROL, cacheControl)
                .putHeader(ALLOW_ORIGIN, ANY)
                .putHeader("Content-Language", texts.lang());
        if (ctx.request().method() == HttpMethod.HEAD) {
            ctx.response().end();
        } else {
            ctx.response().end(html);
        }
    }

    /** {@code /en} and trailing slashes: the site's paths have none except the two front pages. */
    static String normalise(String path) {
        if (path == null || path.isEmpty()) return "/";
        if (path.equals("/en")) return "/en/";
        if (path.length() > 1 && path.endsWith("/") && !path.equals("/en/")) {
            String trimmed = path.substring(0, path.length() - 1);
            return trimmed.equals("/en") ? "/en/" : trimmed;
        }
        return path;
    }

    static boolean isPublic(String path) {
        if (path.equals(PublicSnapshot.CHECKPOINTS)) return true;
        String p = path.startsWith("/en/") ? path.substring(3) : path;
        return p.equals("/")
                || p.startsWith("/incidents/")
                || p.equals("/history")
                || p.startsWith("/history/page/")
                || p.equals("/history.atom")
                || p.startsWith("/api/v2/")
                || p.startsWith("/live/")
                || p.equals("/404.html");
    }

    static boolean matches(String ifNoneMatch, Resource resource) {
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) t = t.substring(2);
            if (t.equals("*") || t.equals(resource.etag()) || t.equals(resource.gzipEtag())) return true;
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.trim().split(";");
            String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
            if (!coding.equals("gzip") && !coding.equals("*")) continue;
            for (int i = 1; i < pieces.length; i++) {
                String param = pieces[i].trim().replace(" ", "");
                if (param.equals("q=0") || param.matches("q=0(\\.0{1,3})?")) return false;
            }
            return true;
        }
        return false;
    }

    /**
     * Whether an {@code Accept-Language} header ranks English above Korean (only the front page
     * listens to it; every other page has its language in its path).
     */
    static boolean prefersEnglish(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return false;
        double en = -1;
        double ko = -1;
        int position = 0;
        for (String part : acceptLanguage.split(",")) {
            position++;
            String[] pieces = part.trim().split(";");
            String tag = pieces[0].trim().toLowerCase(Locale.ROOT);
            double q = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String param = pieces[i].trim();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            // Earlier entries win ties, as listed order is the client's preference.
            double weight = q - position * 1e-6;
            if ((tag.equals("en") || tag.startsWith("en-")) && q > 0) en = Math.max(en, weight);
            if ((tag.equals("ko") || tag.startsWith("ko-")) && q > 0) ko = Math.max(ko, weight);
        }
        return en > ko;
    }
}
