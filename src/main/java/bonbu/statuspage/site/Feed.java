package bonbu.statuspage.site;

import static bonbu.statuspage.site.Texts.iso;
import static bonbu.statuspage.site.Texts.shown;

import bonbu.incident.IncidentStory;
import bonbu.incident.IncidentView;
import bonbu.statuspage.PublicState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The Atom feed of one language: the latest incidents, each with its updates. */
final class Feed {

    private final PublicPages pages;
    private final PublicState state;
    private final Texts t;
    private final String siteName;

    Feed(PublicPages pages, PublicState state, Texts t, String siteName) {
        this.pages = pages;
        this.state = state;
        this.t = t;
        this.siteName = siteName;
    }

    String render() {
        String base = pages.config.publicUrl() + t.prefix();
        List<Map<String, Object>> entries = new ArrayList<>();
        Instant updated = null;
        for (IncidentStory i : state.incidents()) {
            if (entries.size() == PublicState.LISTED) break;
            Instant latest = i.updates().isEmpty()
                    ? i.keyTimes().declaredAt()
                    : i.updates().get(0).publishedAt();
            if (updated == null || latest.isAfter(updated)) updated = latest;
            StringBuilder content = new StringBuilder();
            for (IncidentView.Update u : i.updates()) {
                content.append(shown(u.publishedAt()))
                        .append(" — ")
                        .append(t.status(u.status()))
                        .append('\n')
                        .append(t.of(u.message()))
                        .append("\n\n");
            }
            Map<String, Object> e = new HashMap<>();
            e.put("id", base + "/incidents/" + i.number());
            e.put("title", "[" + t.status(i.status()) + "] " + t.of(i.title()));
            e.put("published", iso(i.keyTimes().declaredAt()));
            e.put("updated", iso(latest));
            e.put("href", base + "/incidents/" + i.number());
            e.put("content", content.toString().strip());
            entries.add(e);
        }
        return pages.feed
                .data("lang", t.lang)
                .data("self", base + "/history.atom")
                .data("alternate", base + "/history")
                .data("title", siteName + " — " + t.get("feed.title"))
                .data("siteName", siteName)
                .data("updated", iso(updated == null ? state.loadedAt() : updated))
                .data("entries", entries)
                .render();
    }
}
