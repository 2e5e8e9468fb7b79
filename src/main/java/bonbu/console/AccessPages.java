package bonbu.console;

import bonbu.security.Roles;
import bonbu.security.StaffSession;
import bonbu.security.account.AccountService;
import bonbu.security.token.TokenService;
import bonbu.shared.problem.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Account administration for admins (create, disable and enable, reset a password, assign roles)
 * and everyone's own API tokens, as console forms over the same services as the JSON API.
 */
@Path("/console")
@Authenticated
@Produces(Forms.HTML)
public class AccessPages {

    /** An account as its row shows it. */
    @TemplateData
    record AccountRow(
            String username,
            String displayName,
            List<RoleBox> roles,
            String roleList,
            boolean disabled,
            String disabledAt,
            String createdAt,
            boolean self) {}

    /** One role checkbox. */
    @TemplateData
    record RoleBox(String role, boolean checked) {}

    /** A token as its row shows it: never the secret. */
    @TemplateData
    record TokenRow(
            long id, String name, String prefix, String createdAt, String expiresAt, String lastUsedAt, String state) {}

    @Inject
    AccountService accounts;

    @Inject
    TokenService tokens;

    @Inject
    StaffSession session;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @Location("console/accounts.html")
    Template accountsPage;

    @Location("console/tokens.html")
    Template tokensPage;

    @GET
    @Path("accounts")
    @RolesAllowed(Roles.ADMIN)
    public Response accounts() {
        return Forms.page(200, renderAccounts(Map.of(), "", "", ""));
    }

    @POST
    @Path("accounts")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(
            @FormParam("username") String username,
            @FormParam("displayName") String displayName,
            @FormParam("password") String password,
            @FormParam("role") List<String> roles) {
        try {
            accounts.register(
                    Forms.required(username, "username"),
                    Forms.required(displayName, "displayName"),
                    password,
                    roles == null ? Set.of() : new LinkedHashSet<>(roles),
                    actor());
            return Forms.seeOther("/console/accounts");
        } catch (ProblemException e) {
            return Forms.page(
                    e.status(),
                    renderAccounts(
                            Map.of("username", Forms.orEmpty(username), "displayName", Forms.orEmpty(displayName)),
                            "create",
                            e.getMessage(),
                            ""));
        }
    }

    @POST
    @Path("accounts/{username}/roles")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response roles(@PathParam("username") String username, @FormParam("role") List<String> roles) {
        return act(username, () -> accounts.setRoles(username, roles == null ? Set.of() : Set.copyOf(roles), actor()));
    }

    @POST
    @Path("accounts/{username}/disable")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disable(@PathParam("username") String username) {
        return act(username, () -> accounts.disable(username, actor()));
    }

    @POST
    @Path("accounts/{username}/enable")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@PathParam("username") String username) {
        return act(username, () -> accounts.enable(username, actor()));
    }

    @POST
    @Path("accounts/{username}/password")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resetPassword(@PathParam("username") String username, @FormParam("password") String password) {
        return act(username, () -> accounts.resetPassword(username, password, actor()));
    }

    @GET
    @Path("tokens")
    public Response tokens() {
        return Forms.page(200, renderTokens("", "", ""));
    }

    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createToken(@FormParam("name") String name, @FormParam("days") String days) {
        try {
            String label = Forms.required(name, "name");
            if (label.length() > 100) throw ProblemException.badRequest("name: at most 100 characters.");
            java.time.Instant expires = null;
            if (days != null && !days.isBlank()) {
                long n;
                try {
                    n = Long.parseLong(days.strip());
                } catch (NumberFormatException e) {
                    n = -1;
                }
                if (n < 1 || n > 3650) throw ProblemException.badRequest("days: a whole number from 1 to 3650.");
                expires = clock.instant().plus(Duration.ofDays(n));
            }
            TokenService.CreatedToken created = tokens.create(actor(), label, expires);
            // The one time the secret is shown: rendered, not redirected, and never stored.
            return Forms.page(201, renderTokens("", "", created.token()));
        } catch (ProblemException e) {
            return Forms.page(e.status(), renderTokens(Forms.orEmpty(name), e.getMessage(), ""));
        }
    }

    @POST
    @Path("tokens/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") long id) {
        try {
            tokens.revoke(id, actor(), false);
            return Forms.seeOther("/console/tokens");
        } catch (ProblemException e) {
            return Forms.page(e.status(), renderTokens("", e.getMessage(), ""));
        }
    }

    private Response act(String username, Runnable action) {
        try {
            action.run();
            return Forms.seeOther("/console/accounts#account-" + username);
        } catch (ProblemException e) {
            return Forms.page(e.status(), renderAccounts(Map.of(), username, e.getMessage(), ""));
        }
    }

    private String renderAccounts(Map<String, String> typed, String refusalFor, String refusal, String unused) {
        String me = actor();
        List<AccountRow> rows = accounts.list().stream()
                .map(a -> new AccountRow(
                        a.username(),
                        a.displayName(),
                        Roles.ALL.stream()
                                .map(r -> new RoleBox(r, a.roles().contains(r)))
                                .toList(),
                        String.join(", ", a.roles()),
                        a.disabled(),
                        Forms.time(a.disabledAt()),
                        Forms.time(a.createdAt()),
                        a.username().equals(me)))
                .toList();
        return accountsPage
                .data("session", ConsoleSession.of(session))
                .data("accounts", rows)
                .data("roles", Roles.ALL)
                .data("typedUsername", typed.getOrDefault("username", ""))
                .data("typedDisplayName", typed.getOrDefault("displayName", ""))
                .data("refusalFor", refusalFor)
                .data("refusal", refusal)
                .render();
    }

    private String renderTokens(String typedName, String refusal, String secret) {
        List<TokenRow> rows = tokens.list(actor()).stream()
                .map(t -> new TokenRow(
                        t.id(),
                        t.name(),
                        t.prefix(),
                        Forms.time(t.createdAt()),
                        t.expiresAt() == null ? "없음 never" : Forms.time(t.expiresAt()),
                        t.lastUsedAt() == null ? "" : Forms.time(t.lastUsedAt()),
                        t.revokedAt() != null ? "폐기됨 revoked" : t.active() ? "사용 중 active" : "만료 expired"))
                .toList();
        return tokensPage
                .data("session", ConsoleSession.of(session))
                .data("tokens", rows)
                .data("typedName", typedName)
                .data("refusal", refusal)
                .data("secret", secret)
                .data("canHoldTokens", !session.isBreakGlass())
                .render();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
