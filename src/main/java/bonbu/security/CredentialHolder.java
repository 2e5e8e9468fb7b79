package bonbu.security;

import java.util.Set;

/**
 * Someone a session cookie or an API token stands for: their name, current roles, whether it is
 * the break-glass account, and (for a session) the hash its cookie is stored under.
 */
public record CredentialHolder(String username, Set<String> roles, boolean breakGlass, String sessionHash) {}
