package bonbu.security.account;

/**
 * What a staff password must be: at least {@link #MIN_CHARACTERS} characters that are not white
 * space. Spaces may be part of a passphrase but do not count, so eleven spaces and an {@code x}
 * is refused.
 */
final class PasswordRule {

    static final int MIN_CHARACTERS = 12;
    static final String RULE = "The password must have at least " + MIN_CHARACTERS
            + " characters that are not spaces (spaces, tabs and line breaks may be part of it but do not count).";

    private PasswordRule() {}

    /** Whether {@code password} satisfies the rule. */
    static boolean acceptable(String password) {
        if (password == null) return false;
        long counted = password.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .count();
        return counted >= MIN_CHARACTERS;
    }
}
