package bonbu.shared.problem;

/** A signed-in person was refused an action their roles do not allow (for the audit). */
public record AccessRefused(String username, String method, String path, String origin) {}
