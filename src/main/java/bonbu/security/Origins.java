package bonbu.security;

import java.net.URI;

/** Whether a browser's {@code Origin} is this service's own page (the request's {@code Host}). */
public final class Origins {

    private Origins() {}

    public static boolean sameSite(String origin, String host) {
        if (host == null) return false;
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) return false;
            String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
