package bonbu.statuspage.site;

import static bonbu.statuspage.site.Texts.iso;
import static bonbu.statuspage.site.Texts.shown;

import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.incident.IncidentStory;
import bonbu.incident.IncidentView;
import bonbu.maintenance.MaintenanceStatus;
import bonbu.maintenance.MaintenanceView;
import bonbu.statuspage.PublicState;
import bonbu.statuspage.Resource;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One language's pages of one state: front page, notices, incident pages, history, 404 and feed. */
final class LanguagePages {

    final PublicPages pages;
    final PublicState state;
    final Texts t;
    final boolean stale;
    final Instant asOf;
    final Map<String, ComponentView> byKey = new HashMap<>();
    final Indicator indicator;
    final String labels;
    final ComponentRows rows;

    LanguagePages(PublicPages pages, PublicState state, Texts t, boolean stale, Instant asOf) {
        this.pages = pages;
        this.state = state;
        this.t = t;
        this.stale = stale;
        this.asOf = asOf;
        for (ComponentView c : state.components()) byKey.put(c.key(), c);
        this.indicator = Indicator.of(state);
        this.labels = labelsJson();
        this.rows = new ComponentRows(state, t, byKey);
    }

    static String fill(String text, String name, Object value) {
        return text.replace("{" + name + "}", String.valueOf(value));
    }

    void renderInto(Map<String, Resource> out) {
        String p = t.prefix();
        out.put(t.home, Resource.of(Resource.HTML, t.lang, 200, home(null)));
        out.put(
                p + "/live/notices.html",
                Resource.of(
                        Resource.HTML,
                        t.lang,
                        200,
                        pages.notices.data("notices", notices()).render()));
        List<Views.IncidentCard> cards = new ArrayList<>();
        for (IncidentStory i : state.incidents()) {
            Views.IncidentCard card = card(i);
            cards.add(card);
            out.put(
                    p + "/incidents/" + i.number(),
                    Resource.of(
                            Resource.HTML,
                            t.lang,
                            200,
                            pages.incidentPage
                                    .data("frame", frame(card.title(), "/incidents/" + i.number()))
                                    .data("incident", card)
                                    .render()));
        }
        int size = Math.max(1, pages.config.historyPageSize());
        int pageCount = Math.max(1, (cards.size() + size - 1) / size);
        for (int page = 1; page <= pageCount; page++) {
            String path = page == 1 ? "/history" : "/history/page/" + page;
            List<Views.IncidentCard> slice = cards.subList((page - 1) * size, Math.min(cards.size(), page * size));
            String pageText = fill(fill(t.get("history.page"), "page", page), "pages", pageCount);
            out.put(
                    p + path,
                    Resource.of(
                            Resource.HTML,
                            t.lang,
                            200,
                            pages.historyPage
                                    .data("frame", frame(t.get("history.title"), path))
                                    .data("incidents", slice)
                                    .data("pageText", pageText)
                                    .data(
                                            "newerHref",
                                            page == 1
                                                    ? null
                                                    : p + (page == 2 ? "/history" : "/history/page/" + (page - 1)))
                                    .data("olderHref", page == pageCount ? null : p + "/history/page/" + (page + 1))
                                    .render()));
        }
        out.put(
                t.notFoundPath(),
                Resource.of(
                        Resource.HTML,
                        t.lang,
                        404,
                        pages.notFound
                                .data("frame", frame(t.get("notFound.title"), "/"))
                                .render()));
        out.put(
                p + "/history.atom",
                Resource.of(Resource.ATOM, t.lang, 200, new Feed(pages, state, t, siteName()).render()));
    }

    String siteName() {
        return pages.siteName(t);
    }

    Views.Frame frame(String title, String path) {
        String otherHref = t == Texts.KO ? "/en" + path : (path.equals("/") ? "/?lang=ko" : path);
        if (t == Texts.KO && path.equals("/")) otherHref = "/en/";
        String fullTitle = title == null ? siteName() : title + " · " + siteName();
        return new Views.Frame(
                t.lang,
                t.other().lang,
                otherHref,
                t.prefix(),
                fullTitle,
                siteName(),
                t.all(),
                new Views.Overall(indicator.value, icon(indicator), t.get("overall." + indicator.value)),
                shown(asOf),
                iso(asOf),
                stale,
                state.seq(),
                labels);
    }

    String home(String query) {
        String q = query == null ? null : query.strip().toLowerCase(Locale.ROOT);
        List<Views.Group> groups = rows.groups(q == null || q.isEmpty() ? null : q);
        int count = groups.stream().mapToInt(g -> g.rows().size()).sum();
        return pages.home
                .data("frame", frame(null, "/"))
                .data("notices", notices())
                .data("groups", groups)
                .data("componentCount", count)
                .data("query", query == null || query.isBlank() ? null : query.strip())
                .render();
    }

    Views.Notices notices() {
        List<Views.IncidentCard> active = state.incidents().stream()
                .filter(IncidentStory::isActive)
                .map(this::card)
                .toList();
        List<Views.MaintenanceCard> windows = new ArrayList<>();
        for (MaintenanceView m : state.maintenances()) {
            if (m.status() != MaintenanceStatus.SCHEDULED && !m.status().isActive()) continue;
            List<String> names = m.components().stream()
                    .filter(c -> byKey.containsKey(c.key()))
                    .map(c -> t.of(byKey.get(c.key()).name()))
                    .toList();
            if (names.isEmpty()) continue;
            windows.add(new Views.MaintenanceCard(
                    m.number(),
                    t.of(m.title()),
                    m.status().value(),
                    t.status(m.status()),
                    shown(m.scheduledFor()) + " – " + shown(m.scheduledUntil()),
                    iso(m.scheduledFor()),
                    iso(m.scheduledUntil()),
                    t.of(m.message()),
                    names));
        }
        return new Views.Notices(frame(null, "/"), active, windows);
    }

    Views.IncidentCard card(IncidentStory i) {
        IncidentView.KeyTimes k = i.keyTimes();
        List<Views.KeyTime> times = new ArrayList<>();
        times.add(new Views.KeyTime(t.get("incident.started"), shown(k.detectedAt()), iso(k.detectedAt())));
        if (k.identifiedAt() != null) {
            times.add(
                    new Views.KeyTime(t.get("incident.identifiedAt"), shown(k.identifiedAt()), iso(k.identifiedAt())));
        }
        if (k.mitigatedAt() != null) {
            times.add(new Views.KeyTime(t.get("incident.mitigatedAt"), shown(k.mitigatedAt()), iso(k.mitigatedAt())));
        }
        if (!i.isActive() && k.resolvedAt() != null) {
            times.add(new Views.KeyTime(t.get("incident.resolvedAt"), shown(k.resolvedAt()), iso(k.resolvedAt())));
        }
        List<Views.UpdateView> updates = i.updates().stream()
                .map(u -> new Views.UpdateView(
                        u.status().value(),
                        t.status(u.status()),
                        t.of(u.message()),
                        shown(u.publishedAt()),
                        iso(u.publishedAt())))
                .toList();
        Instant resolved = i.isActive() ? null : k.resolvedAt();
        return new Views.IncidentCard(
                i.number(),
                t.prefix() + "/incidents/" + i.number(),
                t.of(i.title()),
                i.status().value(),
                t.status(i.status()),
                Indicator.impactOf(i.severity()).value,
                shown(k.detectedAt()),
                iso(k.detectedAt()),
                shown(resolved),
                iso(resolved),
                resolved == null ? null : duration(Duration.between(k.detectedAt(), resolved)),
                state.causes().containsKey(i.number())
                        ? fill(
                                t.get("cause.published"),
                                "cause",
                                t.of(state.causes().get(i.number())))
                        : t.get("cause.investigating"),
                affectedNames(i),
                updates,
                times);
    }

    /**
     * The public components an incident names, those it holds down through dependencies while
     * active, and those its updates set.
     */
    List<String> affectedNames(IncidentStory i) {
        Set<String> direct = new HashSet<>(i.components());
        Set<String> keys = new LinkedHashSet<>();
        for (ComponentView c : state.components()) {
            if (direct.contains(c.key())) {
                keys.add(c.key());
            } else if (i.isActive() && c.effectiveStatus() != ComponentStatus.OPERATIONAL) {
                for (ComponentView.Cause cause : c.causes()) {
                    if (direct.contains(cause.key())) keys.add(c.key());
                }
            }
        }
        for (IncidentView.Update u : i.updates()) {
            for (var change : u.components()) {
                if (byKey.containsKey(change.key())) keys.add(change.key());
            }
        }
        Set<String> moved = state.touched().getOrDefault(i.number(), Set.of());
        for (ComponentView c : state.components()) {
            if (moved.contains(c.key())) keys.add(c.key());
        }
        return keys.stream().map(k -> t.of(byKey.get(k).name())).toList();
    }

    String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        StringBuilder s = new StringBuilder();
        boolean ko = t == Texts.KO;
        if (days > 0) s.append(days).append(ko ? "일 " : " d ");
        if (hours > 0) s.append(hours).append(ko ? "시간 " : " h ");
        if (mins > 0 || s.isEmpty()) s.append(mins).append(ko ? "분" : " min");
        return s.toString().strip();
    }

    String labelsJson() {
        Map<String, Object> labels = new LinkedHashMap<>(t.all());
        Map<String, String> icons = new LinkedHashMap<>();
        for (ComponentStatus s : ComponentStatus.values()) icons.put(s.value(), Texts.icon(s));
        labels.put("icons", icons);
        try {
            return pages.json.writeValueAsString(labels).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String icon(Indicator indicator) {
        return switch (indicator) {
            case NONE -> Texts.icon(ComponentStatus.OPERATIONAL);
            case MAINTENANCE -> Texts.icon(ComponentStatus.UNDER_MAINTENANCE);
            case MINOR -> Texts.icon(ComponentStatus.DEGRADED_PERFORMANCE);
            case MAJOR -> Texts.icon(ComponentStatus.PARTIAL_OUTAGE);
            case CRITICAL -> Texts.icon(ComponentStatus.MAJOR_OUTAGE);
        };
    }
}
