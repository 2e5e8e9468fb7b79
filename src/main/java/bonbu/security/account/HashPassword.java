package bonbu.security.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * {@code java -jar quarkus-run.jar hash-password}: reads a password (from the terminal without
 * echo, or the first line of standard input) and prints its bcrypt hash, for
 * {@code BONBU_BREAK_GLASS_PASSWORD_HASH}.
 */
public final class HashPassword {

    private HashPassword() {}

    public static int run() throws IOException {
        Console console = System.console();
        String password;
        if (console != null) {
            char[] typed = console.readPassword(
                    "Password (at least %d characters that are not spaces): ", PasswordRule.MIN_CHARACTERS);
            password = typed == null ? null : new String(typed);
        } else {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (!PasswordRule.acceptable(password)) {
            System.err.println(PasswordRule.RULE);
            return 2;
        }
        System.out.println(BcryptUtil.bcryptHash(password, 12));
        return 0;
    }
}
