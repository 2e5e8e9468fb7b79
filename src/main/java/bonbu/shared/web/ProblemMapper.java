package bonbu.shared.web;

import bonbu.shared.problem.AccessRefused;
import bonbu.shared.problem.PageNotFound;
import bonbu.shared.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The single place that turns failures into {@code application/problem+json} answers. */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.status(), e.title(), e.getMessage(), e.extensions());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .toList();
        String detail = errors.stream()
                .map(err -> err.get("field") + ": " + err.get("message"))
                .collect(Collectors.joining("; "));
        return respond(400, "Invalid request", "Some fields are not valid: " + detail, Map.of("errors", errors));
    }

    // Declared for the subclass too, so it takes precedence over the JSON layer's own mapper.
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null
                    ? List.of()
                    : u.getKnownPropertyIds().stream()
                            .map(String::valueOf)
                            .sorted()
                            .toList();
            String field = path(u);
            return respond(
                    400,
                    "Invalid request",
                    "Unknown field '" + field + "'. Known fields here: " + String.join(", ", known) + ".",
                    Map.of("errors", List.of(Map.of("field", field, "message", "unknown field")), "known", known));
        }
        if (e instanceof InvalidFormatException f
                && f.getTargetType() != null
                && f.getTargetType().isEnum()) {
            List<String> allowed = Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(Object::toString)
                    .toList();
            ProblemException refusal = ProblemException.notOneOf(path(f), String.valueOf(f.getValue()), allowed);
            return respond(400, refusal.title(), refusal.getMessage(), refusal.extensions());
        }
        if (e instanceof RefusedValue r) {
            ProblemException refusal =
                    InputRules.refused(r.getPath().isEmpty() ? "body" : path(r), r.reason(), r.value());
            return respond(400, refusal.title(), refusal.getMessage(), refusal.extensions());
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = path(m);
            String expected = m.getTargetType() == null ? "another type" : describe(m.getTargetType());
            return respond(
                    400,
                    "Invalid request",
                    "Field '" + field + "' has the wrong type: expected " + expected + ".",
                    Map.of("errors", List.of(Map.of("field", field, "message", "expected " + expected))));
        }
        String location = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        return respond(400, "Malformed JSON", "The request body is not valid JSON" + location + ".", null);
    }

    @ServerExceptionMapper
    public Response unauthenticated(
            UnauthorizedException e, jakarta.ws.rs.core.HttpHeaders headers, jakarta.ws.rs.core.UriInfo uri) {
        return unauthorized(headers, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(
            AuthenticationFailedException e, jakarta.ws.rs.core.HttpHeaders headers, jakarta.ws.rs.core.UriInfo uri) {
        return unauthorized(headers, uri);
    }

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<AccessRefused> refusals;

    @jakarta.inject.Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    @jakarta.inject.Inject
    io.vertx.ext.web.RoutingContext routing;

    @org.eclipse.microprofile.config.inject.ConfigProperty(
            name = "bonbu.security.basic-enabled",
            defaultValue = "false")
    boolean basicEnabled;

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        if (!identity.isAnonymous()) {
            refusals.fireAsync(new AccessRefused(
                    identity.getPrincipal().getName(),
                    routing.request().method().name(),
                    routing.request().path(),
                    bonbu.shared.web.RequestOrigin.of(routing)));
        }
        return respond(
                403,
                "Forbidden",
                "Your account does not have a role that allows this. Ask an administrator for the role this action needs.",
                null);
    }

    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e) {
        return respond(409, "Conflict", "Someone else changed this at the same moment. Reload it and try again.", null);
    }

    @ServerExceptionMapper
    public Response databaseDown(JDBCConnectionException e) {
        return unavailable(e);
    }

    @jakarta.inject.Inject
    jakarta.enterprise.inject.Instance<PageNotFound> pages;

    @ServerExceptionMapper
    public Response http(
            WebApplicationException e, jakarta.ws.rs.core.HttpHeaders headers, jakarta.ws.rs.core.UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        int status = e.getResponse().getStatus();
        if (status == 404 && browsing(headers) && pages.isResolvable()) {
            var page = pages.get().pageFor("/" + uri.getPath().replaceFirst("^/", ""));
            if (page.isPresent()) return page.get();
        }
        if (status == 413) {
            return respond(413, "Request too large", "The request body is larger than 1 MiB.", null);
        }
        String detail = switch (status) {
            case 404 -> "There is nothing at this address. Check the path against /q/openapi.";
            case 405 -> "This address does not accept that HTTP method. Check /q/openapi.";
            case 406 -> "This address answers only in JSON: accept application/json.";
            case 415 -> "Send the request body as application/json.";
            default -> e.getMessage();
        };
        Response.StatusType type = e.getResponse().getStatusInfo();
        return respond(status, type.getReasonPhrase(), detail, null);
    }

    /** A browser asking for a page (it accepts HTML), rather than an API client. */
    private static boolean browsing(jakarta.ws.rs.core.HttpHeaders headers) {
        if (headers == null) return false;
        String accept = headers.getHeaderString("Accept");
        return accept != null && accept.contains("text/html");
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        boolean atCommit = anyInChain(
                e,
                t -> t instanceof jakarta.transaction.RollbackException
                        || t instanceof jakarta.transaction.HeuristicMixedException
                        || t instanceof jakarta.transaction.HeuristicRollbackException);
        if (anyInChain(e, ProblemMapper::isConnectionFailure)) {
            return unavailable(e, atCommit);
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        return respond(
                500,
                "Internal error",
                "Something went wrong on our side" + (atCommit ? "" : "; nothing was changed") + ". Quote reference "
                        + reference + " when reporting it.",
                Map.of("reference", reference));
    }

    private Response unavailable(Throwable e) {
        return unavailable(e, false);
    }

    /**
     * The database is unreachable. If the connection was lost while the transaction was being
     * committed, the change may have been saved: say so rather than claim nothing changed.
     */
    private Response unavailable(Throwable e, boolean atCommit) {
        LOG.warnf("Database unavailable%s: %s", atCommit ? " during commit" : "", e.getMessage());
        String detail = atCommit
                ? "The connection to the database was lost while your change was being saved, so it may or may not"
                        + " have been saved. Check the timeline (GET /api/timeline) before trying again."
                : "The database cannot be reached, so nothing was changed. Try again shortly.";
        return Response.status(503)
                .type(PROBLEM_JSON)
                .header("Retry-After", "5")
                .entity(body(503, "Service unavailable", detail, atCommit ? Map.of("outcome", "unknown") : null))
                .build();
    }

    /**
     * A person browsing a staff page is sent to the sign-in form (and back afterwards); an API
     * client gets a 401 naming the schemes it may use.
     */
    private Response unauthorized(jakarta.ws.rs.core.HttpHeaders headers, jakarta.ws.rs.core.UriInfo uri) {
        SignInRefusal refusal = SignInRefusal.of(routing);
        if (refusal != null && refusal.status() == 429) return refusal.tooManyRequests();
        String path = uri == null ? "" : uri.getRequestUri().getRawPath();
        if (browsing(headers) && (path.startsWith("/console") || path.startsWith("/review"))) {
            String query = uri.getRequestUri().getRawQuery();
            String next = path + (query == null ? "" : "?" + query);
            return Redirects.seeOther("/console/sign-in?next="
                            + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8))
                    .build();
        }
        Response.ResponseBuilder answer =
                Response.status(401).type(PROBLEM_JSON).header("WWW-Authenticate", challenge(basicEnabled));
        String detail = "Sign in: send a valid API token (Authorization: Bearer …) or sign in to the console at"
                + " /console/sign-in.";
        if (refusal != null && refusal.retryAfterSeconds() > 0) {
            answer.header("Retry-After", refusal.retryAfterSeconds());
            detail = refusal.detail() + " " + detail;
        }
        return answer.entity(body(401, "Unauthorized", detail, null)).build();
    }

    /**
     * Ends a request answered before any REST resource sees it (a Vert.x route), with the same
     * problem body the mapper gives. Does nothing if the answer was already sent.
     */
    public static void answer(io.vertx.ext.web.RoutingContext ctx, int status, String title, String detail) {
        answer(ctx, status, body(status, title, detail, null));
    }

    /** As {@link #answer(io.vertx.ext.web.RoutingContext, int, String, String)}, with a body made already. */
    public static void answer(io.vertx.ext.web.RoutingContext ctx, int status, Map<String, Object> body) {
        if (ctx.response().ended()) return;
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", PROBLEM_JSON)
                .end(io.vertx.core.json.Json.encode(body));
    }

    /** A 405 answered on a route, listing the methods the address serves. */
    public static void notAllowed(io.vertx.ext.web.RoutingContext ctx, String allow) {
        ctx.response().putHeader("Allow", allow);
        answer(
                ctx,
                405,
                "Method Not Allowed",
                "This address answers only " + allow + "; "
                        + ctx.request().method().name() + " is not served here.");
    }

    /** The WWW-Authenticate challenge of a 401: bearer tokens always, HTTP Basic where it is on. */
    public static String challenge(boolean basicEnabled) {
        return "Bearer realm=\"bonbu\"" + (basicEnabled ? ", Basic realm=\"bonbu\"" : "");
    }

    public static Response respond(int status, String title, String detail, Map<String, Object> extensions) {
        return Response.status(status)
                .type(PROBLEM_JSON)
                .entity(body(status, title, detail, extensions))
                .build();
    }

    public static Map<String, Object> body(int status, String title, String detail, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (extensions != null) {
            body.putAll(extensions);
        }
        return body;
    }

    /** The field as the client named it: "name.ko", "alternatives[0].url", or "limit" for a parameter. */
    private static String field(ConstraintViolation<?> v) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (jakarta.validation.Path.Node node : v.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, BEAN, CONTAINER_ELEMENT -> {
                    // A node inside a list carries the index of its list element.
                    if (node.isInIterable() && node.getIndex() != null && !names.isEmpty()) {
                        int last = names.size() - 1;
                        names.set(last, names.get(last) + "[" + node.getIndex() + "]");
                    }
                    if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                        // Java cannot name a field "public"; the JSON does.
                        names.add(node.getName().equals("isPublic") ? "public" : node.getName());
                    }
                }
                default -> {}
            }
        }
        if (names.isEmpty()) {
            return parameter == null ? v.getPropertyPath().toString() : parameter;
        }
        return String.join(".", names);
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == String.class) return "a string";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number written as a JSON number, without quotes or a fraction (such as 2)";
        }
        if (type == Boolean.class || type == boolean.class) return "true or false, without quotes";
        if (type == java.time.LocalDate.class) return "a date such as 2026-03-01";
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "an ISO-8601 instant such as 2026-03-01T18:00:00Z";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) return "a list";
        return "an object";
    }

    /** Whether this one throwable (not its causes) says the database connection failed. */
    private static boolean isConnectionFailure(Throwable t) {
        // 08: connection exceptions; 57P: the server is shutting down, crashed or starting up
        if (t instanceof SQLException s
                && s.getSQLState() != null
                && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
            return true;
        }
        return t instanceof java.sql.SQLTransientConnectionException || t instanceof JDBCConnectionException;
    }

    /** Searches the cause chain and suppressed exceptions (where commit failures keep theirs). */
    private static boolean anyInChain(Throwable e, java.util.function.Predicate<Throwable> test) {
        java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        todo.push(e);
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (!seen.add(t)) continue;
            if (test.test(t)) return true;
            if (t.getCause() != null) todo.push(t.getCause());
            for (Throwable s : t.getSuppressed()) todo.push(s);
        }
        return false;
    }
}
