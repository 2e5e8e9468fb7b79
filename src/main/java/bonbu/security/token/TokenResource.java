package bonbu.security.token;

import bonbu.security.Roles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** Per-account API tokens: create (the secret is shown once), list, revoke. */
@Path("/api/tokens")
@Authenticated
public class TokenResource {

    /** A new token: a name to tell it apart and, optionally, when it stops working. */
    public record CreateTokenRequest(
            @NotBlank @Size(max = 100) String name, Instant expiresAt) {}

    @Inject
    TokenService tokens;

    @Inject
    SecurityIdentity identity;

    /** Your tokens; an admin may ask for another account's ({@code ?username=}) or all ({@code ?username=*}). */
    @GET
    public List<TokenService.TokenView> list(@QueryParam("username") String username) {
        String me = identity.getPrincipal().getName();
        if (username == null || username.equals(me)) return tokens.list(me);
        if (!identity.hasRole(Roles.ADMIN)) throw new ForbiddenException();
        return tokens.list(username.equals("*") ? null : username);
    }

    @POST
    public Response create(@Valid @NotNull CreateTokenRequest request) {
        TokenService.CreatedToken created =
                tokens.create(identity.getPrincipal().getName(), request.name(), request.expiresAt());
        return Response.status(201).entity(created).build();
    }

    @DELETE
    @Path("{id}")
    public TokenService.TokenView revoke(@PathParam("id") long id) {
        return tokens.revoke(id, identity.getPrincipal().getName(), identity.hasRole(Roles.ADMIN));
    }
}
