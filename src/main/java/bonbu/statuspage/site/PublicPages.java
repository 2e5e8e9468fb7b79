package bonbu.statuspage.site;

import bonbu.statuspage.PublicState;
import bonbu.statuspage.Resource;
import bonbu.statuspage.StatusPageConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;

/** Renders the public pages and feeds of one language from one {@link PublicState}. */
@ApplicationScoped
public class PublicPages {

    @Inject
    StatusPageConfig config;

    @Inject
    ObjectMapper json;

    @Location("statuspage/home.html")
    Template home;

    @Location("statuspage/notices.html")
    Template notices;

    @Location("statuspage/incident.html")
    Template incidentPage;

    @Location("statuspage/history.html")
    Template historyPage;

    @Location("statuspage/notfound.html")
    Template notFound;

    @Location("statuspage/feed.xml")
    Template feed;

    /**
     * Adds every page and feed of language {@code t} to {@code out}, by path. {@code asOf} is when
     * the content last changed, or, when {@code stale}, when the database was last read.
     */
    public void renderInto(PublicState state, Texts t, boolean stale, Instant asOf, Map<String, Resource> out) {
        new LanguagePages(this, state, t, stale, asOf).renderInto(out);
    }

    /** The front page of one language showing only the components matching {@code query}. */
    public String home(PublicState state, Texts t, boolean stale, Instant asOf, String query) {
        return new LanguagePages(this, state, t, stale, asOf).home(query);
    }

    /** The page's name in language {@code t}. */
    public String siteName(Texts t) {
        return t == Texts.KO ? config.nameKo() : config.nameEn();
    }
}
