package bonbu.statuspage;

import bonbu.statuspage.site.Texts;
import java.util.Map;

/**
 * The whole public site at one snapshot: every page, feed and JSON document by path (e.g.
 * {@code /}, {@code /en/incidents/2023-0001}, {@code /api/v2/summary.json}). Immutable.
 *
 * @param state what it was rendered from
 * @param stale whether the database could not be read at the last attempt
 */
record Site(PublicState state, boolean stale, Map<String, Resource> resources) {

    /** The not-found page of a language ({@code ko} or {@code en}); not served under its own path. */
    static String notFoundPath(String lang) {
        return ("ko".equals(lang) ? Texts.KO : Texts.EN).notFoundPath();
    }

    Resource get(String path) {
        return resources.get(path);
    }
}
