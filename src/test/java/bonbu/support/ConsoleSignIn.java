package bonbu.support;

import java.net.URL;

/**
 * The one way browser tests sign in to the console. Today the browser sends HTTP Basic
 * credentials in the URL, as its sign-in prompt would; every browser test goes through here so
 * that the sign-in can change in one place.
 */
public final class ConsoleSignIn {

    private ConsoleSignIn() {}

    /** Opens {@code path} in the browser signed in as {@code username} (a demo account). */
    public static Browser as(Browser browser, URL site, String username, String path) {
        return browser.open(url(site, username, path));
    }

    /** The address of {@code path} as {@code username} would open it. */
    public static String url(URL site, String username, String path) {
        return site.getProtocol() + "://" + username + ":" + Api.PASSWORD + "@" + site.getHost() + ":" + site.getPort()
                + path;
    }
}
