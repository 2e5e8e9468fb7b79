package bonbu.support;

import java.net.URL;

/** The one way browser tests sign in to the console: through its sign-in form, as a person does. */
public final class ConsoleSignIn {

    private ConsoleSignIn() {}

    /** Signs in as {@code username} (a demo account) and opens {@code path}. */
    public static Browser as(Browser browser, URL site, String username, String path) {
        return browser.signIn(site, username).open(site, path);
    }
}
