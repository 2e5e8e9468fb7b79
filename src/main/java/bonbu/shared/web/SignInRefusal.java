package bonbu.shared.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Why the credentials a request carried (HTTP Basic) were refused, kept on the request so that
 * the answer can say so: 429 with {@code Retry-After} while failed sign-ins make the account or
 * the address wait, otherwise 401 (with {@code Retry-After} when this failure started a wait).
 */
public record SignInRefusal(int status, String detail, long retryAfterSeconds) {

    private static final String KEY = "bonbu.signInRefusal";

    public void attachTo(RoutingContext routing) {
        routing.put(KEY, this);
    }

    public static SignInRefusal of(RoutingContext routing) {
        return routing == null ? null : routing.get(KEY);
    }

    /** The 429 answer for a throttled attempt. */
    public Response tooManyRequests() {
        return Response.status(429)
                .type(ProblemMapper.PROBLEM_JSON)
                .header("Retry-After", retryAfterSeconds)
                .entity(tooManyRequestsBody())
                .build();
    }

    /** The problem body of that answer, for handlers outside the REST layer. */
    public Map<String, Object> tooManyRequestsBody() {
        return ProblemMapper.body(429, "Too Many Requests", detail, Map.of("retryAfterSeconds", retryAfterSeconds));
    }
}
