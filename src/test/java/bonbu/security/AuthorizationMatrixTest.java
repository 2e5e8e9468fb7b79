package bonbu.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.Api;
import bonbu.support.Console;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Who may change what: every write endpoint the service offers (read from its OpenAPI document,
 * so a new endpoint cannot slip past) tried by every role, and the console websocket by each.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final String A = Roles.ADMIN;
    private static final String C = Roles.COMMANDER;
    private static final String R = Roles.RESPONDER;
    private static final String M = Roles.COMMUNICATOR;
    private static final String V = Roles.VIEWER;

    /** The demo account that holds each role alone. */
    private static final Map<String, String> ACCOUNT_OF =
            Map.of(A, "admin", C, "commander", R, "responder", M, "comms", V, "viewer");

    /** Every write endpoint and the roles that may use it. */
    private static final Map<String, Set<String>> MATRIX = new LinkedHashMap<>();

    static {
        // Incident command: commanders (communicators publish updates).
        allow("POST /api/incidents", C);
        allow("POST /api/incidents/{number}/updates", C, M);
        allow("POST /api/incidents/{number}/severity", C);
        allow("POST /api/incidents/{number}/reopen", C);
        allow("PUT /api/incidents/{number}/roles/{role}", C);
        allow("DELETE /api/incidents/{number}/roles/{role}", C);
        allow("POST /api/incidents/{number}/links", C);
        allow("POST /api/components/{key}/status", C, R);
        allow("POST /api/maintenances", C, A);
        allow("POST /api/maintenances/{number}/status", C, A);
        // Work: responders work tasks and checklists; commanders assign them.
        allow("POST /api/incidents/{number}/tasks", C, A);
        allow("POST /api/incidents/{number}/tasks/{id}/claim", R, C, M, A);
        allow("PUT /api/incidents/{number}/tasks/{id}/assignee", C, A);
        allow("POST /api/incidents/{number}/tasks/{id}/status", R, C, M, A);
        allow("POST /api/incidents/{number}/checklists", C, A);
        allow("POST /api/incidents/{number}/checklists/{id}/items/{position}/complete", R, C, M, A);
        allow("POST /api/incidents/{number}/checklists/{id}/items/{position}/skip", R, C, M, A);
        allow("POST /api/incidents/{number}/checklists/{id}/items/{position}/task", C, A);
        // Review.
        allow("POST /api/incidents/{number}/hypotheses", C, R, A);
        allow("POST /api/incidents/{number}/hypotheses/{id}/confirm", C, A);
        allow("POST /api/incidents/{number}/hypotheses/{id}/refute", C, R, A);
        allow("POST /api/incidents/{number}/hypotheses/{id}/publish", C, M, A);
        allow("POST /api/incidents/{number}/actions", C, A);
        allow("POST /api/incidents/{number}/actions/{id}/status", C, R, A);
        allow("PUT /api/incidents/{number}/review", C, A);
        // Catalog, teams and accounts: administrators.
        allow("POST /api/components", A);
        allow("PATCH /api/components/{key}", A);
        allow("PUT /api/components/{key}/dependencies/{upstreamKey}", A);
        allow("DELETE /api/components/{key}/dependencies/{upstreamKey}", A);
        allow("POST /api/teams", A);
        allow("PUT /api/teams/{key}/members/{username}", A);
        allow("DELETE /api/teams/{key}/members/{username}", A);
        allow("POST /api/accounts", A);
        allow("POST /api/accounts/{username}/disable", A);
        allow("POST /api/accounts/{username}/enable", A);
        allow("POST /api/accounts/{username}/password", A);
        allow("PUT /api/accounts/{username}/roles", A);
        // The console's forms: the same rules as the JSON API they stand beside.
        allow("POST /console/declare", C);
        allow("POST /console/incidents/{number}/updates", C, M);
        allow("POST /console/incidents/{number}/roles", C);
        allow("POST /console/incidents/{number}/severity", C);
        allow("POST /console/incidents/{number}/reopen", C);
        allow("POST /console/incidents/{number}/links", C);
        allow("POST /console/incidents/{number}/components/status", C, R);
        allow("POST /console/catalog", A);
        allow("POST /console/catalog/{key}", A);
        allow("POST /console/catalog/{key}/dependencies", A);
        allow("POST /console/catalog/{key}/dependencies/remove", A);
        allow("POST /console/catalog/{key}/alternatives", A);
        allow("POST /console/accounts", A);
        allow("POST /console/accounts/{username}/roles", A);
        allow("POST /console/accounts/{username}/disable", A);
        allow("POST /console/accounts/{username}/enable", A);
        allow("POST /console/accounts/{username}/password", A);
        allow("POST /console/tokens", A, C, R, M, V);
        allow("POST /console/tokens/{id}/revoke", A, C, R, M, V);
        // Everyone signed in manages their own API tokens (a token has its holder's roles only).
        allow("POST /api/tokens", A, C, R, M, V);
        allow("DELETE /api/tokens/{id}", A, C, R, M, V);
    }

    /** Writes anyone may send: signing in and out. */
    private static final Set<String> OPEN = Set.of("POST /console/sign-in", "POST /console/sign-out");

    private static void allow(String endpoint, String... roles) {
        MATRIX.put(endpoint, Set.of(roles));
    }

    @TestHTTPResource("/")
    URI site;

    @Test
    void theMatrixNamesEveryWriteEndpointOfTheService() {
        Map<String, Object> paths = given().accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        Set<String> offered = new TreeSet<>();
        paths.forEach((path, operations) -> ((Map<?, ?>) operations).keySet().forEach(op -> {
            String method = op.toString().toUpperCase();
            if (Set.of("POST", "PUT", "PATCH", "DELETE").contains(method)) offered.add(method + " " + path);
        }));
        Set<String> known = new TreeSet<>(MATRIX.keySet());
        known.addAll(OPEN);
        assertEquals(known, offered, "every write endpoint needs a line in the matrix, and only those");
    }

    @Test
    void everyRoleMayUseExactlyTheWritesTheMatrixGivesIt() {
        long before = Api.lastSeq();
        List<String> wrong = new ArrayList<>();
        for (String role : Roles.ALL) {
            Console.Signed signed = Console.signIn(ACCOUNT_OF.get(role));
            String csrf = signed.csrf();
            MATRIX.forEach((endpoint, allowed) -> {
                int status = send(endpoint, given().cookie("bonbu_session", signed.cookie()), csrf);
                boolean refused = status == 403 || status == 401;
                if (allowed.contains(role) == refused) {
                    wrong.add(role + " " + endpoint + " → " + status + (refused ? " (should be allowed)" : ""));
                }
            });
        }
        MATRIX.keySet().forEach(endpoint -> {
            int status = send(endpoint, given(), "");
            if (status != 401 && status != 403) wrong.add("anonymous " + endpoint + " → " + status);
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(before, Api.lastSeq(), "no request of the matrix changed anything");
    }

    /** Sends the endpoint with made-up ids (so nothing exists to change) and answers the status. */
    private static int send(String endpoint, RequestSpecification request, String csrf) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1)
                .replace("{number}", "INC-1999-9999")
                .replace("{key}", "no-such-component")
                .replace("{upstreamKey}", "no-such-upstream")
                .replace("{role}", "OPERATIONS_LEAD")
                .replace("{username}", "no-such-account")
                .replace("{id}", "999999999")
                .replace("{position}", "99");
        if (path.startsWith("/console/")) {
            request.contentType("application/x-www-form-urlencoded").formParam(StaffSession.CSRF_FIELD, csrf);
        } else {
            request.contentType("application/json").body("{}");
        }
        return request.redirects().follow(false).request(method, path).statusCode();
    }

    @Test
    void theConsoleWebsocketAdmitsEveryStaffRoleAndNobodyElse() {
        URI ws = URI.create("ws://" + site.getHost() + ":" + site.getPort() + "/ws/console");
        HttpClient http = HttpClient.newHttpClient();
        for (String role : Roles.ALL) {
            String cookie = Console.signIn(ACCOUNT_OF.get(role)).cookie();
            WebSocket socket = http.newWebSocketBuilder()
                    .header("Cookie", "bonbu_session=" + cookie)
                    .buildAsync(ws, new WebSocket.Listener() {})
                    .orTimeout(10, TimeUnit.SECONDS)
                    .join();
            socket.abort();
        }
        for (String cookie : new String[] {null, "not-a-session"}) {
            var builder = http.newWebSocketBuilder();
            if (cookie != null) builder.header("Cookie", "bonbu_session=" + cookie);
            try {
                builder.buildAsync(ws, new WebSocket.Listener() {})
                        .orTimeout(10, TimeUnit.SECONDS)
                        .join()
                        .abort();
                throw new AssertionError("the console websocket admitted " + (cookie == null ? "nobody" : cookie));
            } catch (CompletionException e) {
                assertTrue(
                        e.getCause() instanceof java.net.http.WebSocketHandshakeException h
                                && h.getResponse().statusCode() == 401,
                        String.valueOf(e.getCause()));
            }
        }
    }
}
