package bonbu.security.account;

/**
 * Fired (synchronously, inside the change's transaction) when an account's credentials stop being
 * good: it was disabled or its password was reset. Sign-in ends the account's sessions on it.
 */
public record CredentialsWithdrawn(String username, String reason) {}
