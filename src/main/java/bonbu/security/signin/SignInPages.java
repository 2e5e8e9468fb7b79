package bonbu.security.signin;

import bonbu.security.Secrets;
import bonbu.shared.web.Redirects;
import bonbu.shared.web.RequestOrigin;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * The console's sign-in and sign-out. Signing in always starts a new session (a new cookie
 * value), ending any session the browser presented, so a session id planted before sign-in is
 * worth nothing after it.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class SignInPages {

    /** The cookie that carries a console session. */
    public static final String SESSION_COOKIE = "bonbu_session";

    /** The sign-in form's path. */
    public static final String SIGN_IN_PATH = "/console/sign-in";

    /** Carries the sign-in form's token until a session exists. */
    public static final String SIGN_IN_COOKIE = "bonbu_sign_in";

    private static final String BOARD = "/console";
    private static final int MAX_NEXT = 2000;
    // RFC 3986 path, query and fragment characters (unreserved, sub-delims, ":", "@", "/", "?",
    // "#") and %-escapes; no spaces, quotes, angle brackets, backslashes or control characters.
    private static final Pattern NEXT = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@/?#%-]*");

    @Inject
    SignInService signIn;

    @Inject
    RoutingContext routing;

    @Location("security/sign-in.html")
    Template page;

    @GET
    @Path("sign-in")
    public Response form(@QueryParam("next") String next, @QueryParam("signedOut") String signedOut) {
        return render(200, next, "", signedOut != null ? "로그아웃했습니다. You have signed out." : "", "")
                .build();
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("next") String next) {
        // Decided before anything is written: a bad "next" cannot fail the answer after the sign-in.
        String target = safeNext(next);
        SignInService.Outcome outcome = signIn.signIn(
                username,
                password,
                RequestOrigin.of(routing),
                routing.request().getHeader("User-Agent"),
                cookie(SESSION_COOKIE));
        if (outcome instanceof SignInService.Started started) {
            return Redirects.seeOther(target)
                    .cookie(sessionCookie(started.cookie(), -1))
                    .cookie(cookie(SIGN_IN_COOKIE, "", 0, "/console/sign-in"))
                    .build();
        }
        SignInService.Refused refused = (SignInService.Refused) outcome;
        Response.ResponseBuilder response = render(refused.status(), next, username, "", refused.message());
        if (refused.retryAfterSeconds() > 0) response.header("Retry-After", refused.retryAfterSeconds());
        return response.build();
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut() {
        String cookie = cookie(SESSION_COOKIE);
        if (cookie != null) signIn.signOut(cookie, RequestOrigin.of(routing));
        return Redirects.seeOther(SIGN_IN_PATH + "?signedOut")
                .cookie(sessionCookie("", 0))
                .build();
    }

    private Response.ResponseBuilder render(int status, String next, String username, String notice, String error) {
        // The sign-in form's token goes with a cookie of its own until a session exists.
        String token = cookie(SIGN_IN_COOKIE);
        Response.ResponseBuilder response = Response.status(status).type("text/html;charset=UTF-8");
        if (token == null) {
            token = Secrets.random();
            response.cookie(cookie(SIGN_IN_COOKIE, token, -1, SIGN_IN_PATH));
        }
        String session = cookie(SESSION_COOKIE);
        String csrf = Secrets.csrfFor(session != null ? session : token);
        return response.entity(page.data("next", safeNext(next))
                .data("username", username == null ? "" : username)
                .data("notice", notice)
                .data("error", error)
                .data("csrf", csrf)
                .render());
    }

    /**
     * Where to go after signing in: a path on this site, written only with characters a URL
     * carries as they are. Anything else (another host such as "//evil" or "https://…", a
     * backslash, spaces, "<", control characters or line breaks, a broken %-escape) is ignored,
     * and the person lands on the board.
     */
    static String safeNext(String next) {
        if (next == null || next.length() > MAX_NEXT || !NEXT.matcher(next).matches() || next.startsWith("//")) {
            return BOARD;
        }
        try {
            URI.create(next);
        } catch (IllegalArgumentException e) {
            return BOARD;
        }
        return next;
    }

    private NewCookie sessionCookie(String value, int maxAge) {
        return cookie(SESSION_COOKIE, value, maxAge, "/");
    }

    private NewCookie cookie(String name, String value, int maxAge, String path) {
        return new NewCookie.Builder(name)
                .value(value)
                .path(path)
                .maxAge(maxAge)
                .httpOnly(true)
                .secure("https".equals(routing.request().scheme()))
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }

    private String cookie(String name) {
        Cookie cookie = routing.request().getCookie(name);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }
}
