package bonbu.security;

import java.util.List;

/** The staff roles, as stored and as used in {@code @RolesAllowed}. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String COMMANDER = "commander";
    public static final String RESPONDER = "responder";
    public static final String COMMUNICATOR = "communicator";
    public static final String VIEWER = "viewer";

    public static final List<String> ALL = List.of(ADMIN, COMMANDER, RESPONDER, COMMUNICATOR, VIEWER);

    private Roles() {}
}
