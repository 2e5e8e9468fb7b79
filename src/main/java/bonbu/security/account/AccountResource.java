package bonbu.security.account;

import bonbu.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;

/** Account administration: create, disable and enable, reset a password, assign roles. */
@Path("/api/accounts")
@RolesAllowed(Roles.ADMIN)
public class AccountResource {

    public record CreateAccountRequest(
            @NotBlank String username,
            @NotBlank @Size(max = 200) String displayName,
            @NotNull String password,
            @NotNull Set<String> roles) {}

    public record ResetPasswordRequest(@NotNull String password) {}

    public record RolesRequest(@NotNull Set<String> roles) {}

    @Inject
    AccountService accounts;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<AccountService.AccountView> list() {
        return accounts.list();
    }

    @GET
    @Path("{username}")
    public AccountService.AccountView get(@PathParam("username") String username) {
        return accounts.get(username);
    }

    @POST
    public Response create(@Valid @NotNull CreateAccountRequest request) {
        AccountService.AccountView created = accounts.register(
                request.username(), request.displayName(), request.password(), request.roles(), actor());
        return Response.status(201).entity(created).build();
    }

    @POST
    @Path("{username}/disable")
    public AccountService.AccountView disable(@PathParam("username") String username) {
        accounts.disable(username, actor());
        return accounts.get(username);
    }

    @POST
    @Path("{username}/enable")
    public AccountService.AccountView enable(@PathParam("username") String username) {
        accounts.enable(username, actor());
        return accounts.get(username);
    }

    @POST
    @Path("{username}/password")
    public AccountService.AccountView resetPassword(
            @PathParam("username") String username, @Valid @NotNull ResetPasswordRequest request) {
        accounts.resetPassword(username, request.password(), actor());
        return accounts.get(username);
    }

    @PUT
    @Path("{username}/roles")
    public AccountService.AccountView setRoles(
            @PathParam("username") String username, @Valid @NotNull RolesRequest request) {
        accounts.setRoles(username, request.roles(), actor());
        return accounts.get(username);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
