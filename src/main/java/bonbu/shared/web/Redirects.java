package bonbu.shared.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Answers that name another address on this site. The {@code Location} is the path alone: the
 * JAX-RS builders ({@code Response.seeOther(URI)}, {@code created(URI)}) would make it absolute
 * with the request's {@code Host} header, which the client chooses, so {@code Host: evil.example}
 * would send a browser there. A relative {@code Location} is valid HTTP (RFC 9110, 10.2.2).
 */
public final class Redirects {

    private Redirects() {}

    /** 303: POST/redirect/GET, and the way to the sign-in form and back. */
    public static Response.ResponseBuilder seeOther(String path) {
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, checked(path));
    }

    /** 201 naming what was created. */
    public static Response.ResponseBuilder created(String path) {
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, checked(path));
    }

    /** Only a path on this site: "/…", never "//host/…", "/\host" or a scheme. */
    private static String checked(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) {
            throw new IllegalArgumentException("A Location must be a path on this site: " + path);
        }
        return path;
    }
}
