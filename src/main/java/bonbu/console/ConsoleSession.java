package bonbu.console;

import bonbu.security.Roles;
import bonbu.security.StaffSession;
import io.quarkus.qute.TemplateData;

/**
 * What the console layout shows and every console form carries, taken from the signed-in staff
 * session: who is signed in, the form token and its field name, the break-glass banner, and which
 * kinds of control this person may use (mirroring the {@code @RolesAllowed} of the handlers).
 */
@TemplateData
record ConsoleSession(
        String username,
        String csrfField,
        String csrfToken,
        String breakGlassBanner,
        boolean canDeclare,
        boolean canCommand,
        boolean canSetComponentStatus,
        boolean canPublish,
        boolean canEditCatalog) {

    public static ConsoleSession of(StaffSession session) {
        boolean commander = session.hasRole(Roles.COMMANDER);
        return new ConsoleSession(
                session.username(),
                StaffSession.CSRF_FIELD,
                session.csrfToken(),
                session.breakGlassBanner().orElse(null),
                commander,
                commander,
                commander || session.hasRole(Roles.RESPONDER),
                commander || session.hasRole(Roles.COMMUNICATOR),
                session.hasRole(Roles.ADMIN));
    }
}
