package bonbu.statuspage;

import bonbu.statuspage.site.Indicator;
import bonbu.statuspage.site.PublicPages;
import bonbu.statuspage.site.Texts;
import bonbu.statuspage.v2.StatuspageJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders the whole public site, in Korean and English, from one {@link PublicState}. */
@ApplicationScoped
class SiteRenderer {

    @Inject
    StatusPageConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    PublicPages pages;

    /**
     * Every public document of the site: pages, feeds and the Statuspage v2 JSON of each language.
     * {@code asOf} is when the content last changed, or, when {@code stale}, when the database was
     * last read successfully.
     */
    Site render(PublicState state, boolean stale, Instant asOf) {
        Map<String, Resource> resources = new LinkedHashMap<>();
        Indicator indicator = Indicator.of(state);
        for (Texts t : Texts.values()) {
            pages.renderInto(state, t, stale, asOf, resources);
            String p = t.prefix();
            StatuspageJson.documents(state, t, pages.siteName(t), config.publicUrl() + p + "/", indicator)
                    .forEach((file, document) -> resources.put(p + "/api/v2/" + file, jsonOf(t, document)));
        }
        return new Site(state, stale, Map.copyOf(resources));
    }

    /** The home page of one language showing only the components matching {@code query}. */
    String renderSearch(PublicState state, boolean stale, Instant asOf, Texts t, String query) {
        return pages.home(state, t, stale, asOf, query);
    }

    private Resource jsonOf(Texts t, Object document) {
        try {
            return Resource.of(Resource.JSON, t.lang(), 200, json.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
