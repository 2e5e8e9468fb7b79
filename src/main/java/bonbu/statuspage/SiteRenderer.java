package bonbu.statuspage;

import bonbu.component.Alternative;
import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.incident.IncidentStory;
import bonbu.incident.IncidentView;
import bonbu.maintenance.MaintenanceStatus;
import bonbu.maintenance.MaintenanceView;
import bonbu.shared.LocalizedText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Renders the whole public site, in Korean and English, from one {@link PublicState}. */
@ApplicationScoped
class SiteRenderer {

    static final String HTML = "text/html; charset=utf-8";
    static final String JSON = "application/json; charset=utf-8";
    static final String ATOM = "application/atom+xml; charset=utf-8";

    /** Above this many public components, only groups with trouble start open. */
    static final int OPEN_ALL_UP_TO = 100;

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'KST'");

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
     * Every public document of the site. {@code asOf} is when the content last changed, or, when
     * {@code stale}, when the database was last read successfully.
     */
    Site render(PublicState state, boolean stale, Instant asOf) {
        Map<String, Resource> resources = new LinkedHashMap<>();
        for (Texts t : Texts.values()) {
            new Language(state, t, stale, asOf).renderInto(resources);
        }
        return new Site(state, stale, Map.copyOf(resources));
    }

    /** The home page of one language showing only the components matching {@code query}. */
    String renderSearch(PublicState state, boolean stale, Instant asOf, Texts t, String query) {
        return new Language(state, t, stale, asOf).home(query);
    }

    static String shown(Instant at) {
        return at == null ? null : SHOWN.format(ZonedDateTime.ofInstant(at, DailyHistory.KOREA));
    }

    static String iso(Instant at) {
        return at == null ? null : StatuspageJson.time(at);
    }

    static String fill(String text, String name, Object value) {
        return text.replace("{" + name + "}", String.valueOf(value));
    }

    /** One language's rendering of one state. */
    private final class Language {
        final PublicState state;
        final Texts t;
        final boolean stale;
        final Instant asOf;
        final Map<String, ComponentView> byKey = new HashMap<>();
        final Indicator indicator;
        final String labels;

        Language(PublicState state, Texts t, boolean stale, Instant asOf) {
            this.state = state;
            this.t = t;
            this.stale = stale;
            this.asOf = asOf;
            Indicator worst = Indicator.NONE;
            for (ComponentView c : state.components()) {
                byKey.put(c.key(), c);
                worst = worst.worse(Indicator.of(c.effectiveStatus()));
            }
            for (IncidentStory i : state.incidents()) {
                if (i.isActive()) worst = worst.worse(Indicator.impactOf(i.severity()));
            }
            this.indicator = worst;
            this.labels = labelsJson();
        }

        void renderInto(Map<String, Resource> out) {
            String p = t.prefix();
            out.put(t.home, Resource.of(HTML, t.lang, 200, home(null)));
            out.put(
                    p + "/live/notices.html",
                    Resource.of(
                            HTML,
                            t.lang,
                            200,
                            notices.data("notices", notices()).render()));
            List<Views.IncidentCard> cards = new ArrayList<>();
            for (IncidentStory i : state.incidents()) {
                Views.IncidentCard card = card(i);
                cards.add(card);
                out.put(
                        p + "/incidents/" + i.number(),
                        Resource.of(
                                HTML,
                                t.lang,
                                200,
                                incidentPage
                                        .data("frame", frame(card.title(), "/incidents/" + i.number()))
                                        .data("incident", card)
                                        .render()));
            }
            int size = Math.max(1, config.historyPageSize());
            int pages = Math.max(1, (cards.size() + size - 1) / size);
            for (int page = 1; page <= pages; page++) {
                String path = page == 1 ? "/history" : "/history/page/" + page;
                List<Views.IncidentCard> slice = cards.subList((page - 1) * size, Math.min(cards.size(), page * size));
                String pageText = fill(fill(t.get("history.page"), "page", page), "pages", pages);
                out.put(
                        p + path,
                        Resource.of(
                                HTML,
                                t.lang,
                                200,
                                historyPage
                                        .data("frame", frame(t.get("history.title"), path))
                                        .data("incidents", slice)
                                        .data("pageText", pageText)
                                        .data(
                                                "newerHref",
                                                page == 1
                                                        ? null
                                                        : p + (page == 2 ? "/history" : "/history/page/" + (page - 1)))
                                        .data("olderHref", page == pages ? null : p + "/history/page/" + (page + 1))
                                        .render()));
            }
            out.put(
                    Site.notFoundPath(t.lang),
                    Resource.of(
                            HTML,
                            t.lang,
                            404,
                            notFound.data("frame", frame(t.get("notFound.title"), "/"))
                                    .render()));
            out.put(p + "/history.atom", Resource.of(ATOM, t.lang, 200, feed()));
            StatuspageJson api = new StatuspageJson(state, t, siteName(), config.publicUrl() + p + "/", indicator);
            String v2 = p + "/api/v2/";
            out.put(v2 + "summary.json", jsonOf(api.summary()));
            out.put(v2 + "status.json", jsonOf(api.statusDocument()));
            out.put(v2 + "components.json", jsonOf(api.componentsDocument()));
            out.put(v2 + "incidents.json", jsonOf(api.incidentsDocument(false)));
            out.put(v2 + "incidents/unresolved.json", jsonOf(api.incidentsDocument(true)));
            out.put(
                    v2 + "scheduled-maintenances.json",
                    jsonOf(api.maintenancesDocument(List.of("upcoming", "active", "completed"))));
            out.put(v2 + "scheduled-maintenances/upcoming.json", jsonOf(api.maintenancesDocument(List.of("upcoming"))));
            out.put(v2 + "scheduled-maintenances/active.json", jsonOf(api.maintenancesDocument(List.of("active"))));
        }

        private Resource jsonOf(Object document) {
            try {
                return Resource.of(JSON, t.lang, 200, json.writeValueAsString(document));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        String siteName() {
            return t == Texts.KO ? config.nameKo() : config.nameEn();
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
            List<Views.Group> groups = groups(q == null || q.isEmpty() ? null : q);
            int count = groups.stream().mapToInt(g -> g.rows().size()).sum();
            return home.data("frame", frame(null, "/"))
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
                times.add(new Views.KeyTime(
                        t.get("incident.identifiedAt"), shown(k.identifiedAt()), iso(k.identifiedAt())));
            }
            if (k.mitigatedAt() != null) {
                times.add(
                        new Views.KeyTime(t.get("incident.mitigatedAt"), shown(k.mitigatedAt()), iso(k.mitigatedAt())));
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

        List<Views.Group> groups(String query) {
            Map<String, List<ComponentView>> byGroup = new LinkedHashMap<>();
            for (ComponentView c : state.components()) {
                if (query != null && !search(c).contains(query)) continue;
                byGroup.computeIfAbsent(c.group().ko(), g -> new ArrayList<>()).add(c);
            }
            boolean openAll = query != null || state.components().size() <= OPEN_ALL_UP_TO;
            List<Views.Group> groups = new ArrayList<>();
            for (List<ComponentView> members : byGroup.values()) {
                ComponentStatus worst = ComponentStatus.OPERATIONAL;
                int affected = 0;
                for (ComponentView c : members) {
                    if (c.effectiveStatus() != ComponentStatus.OPERATIONAL) affected++;
                    if (c.effectiveStatus().isWorseThan(worst)) worst = c.effectiveStatus();
                }
                List<Views.Row> rows = members.stream()
                        .sorted(Comparator.comparing(
                                (ComponentView c) -> -c.effectiveStatus().ordinal()))
                        .map(this::row)
                        .toList();
                String summary = affected == 0
                        ? fill(t.get("group.allFine"), "total", members.size())
                        : fill(fill(t.get("group.summary"), "total", members.size()), "affected", affected);
                groups.add(new Views.Group(
                        StatuspageJson.groupId(members.get(0)),
                        t.of(members.get(0).group()),
                        worst.value(),
                        t.status(worst),
                        Texts.icon(worst),
                        summary,
                        openAll || affected > 0,
                        rows));
            }
            // Groups with trouble first, worst first; the rest keep catalog order.
            groups.sort(Comparator.comparing(
                    (Views.Group g) -> -ComponentStatus.valueOf(g.status().toUpperCase(Locale.ROOT))
                            .ordinal()));
            return groups;
        }

        String search(ComponentView c) {
            return (c.name().ko() + " " + (c.name().en() == null ? "" : c.name().en()) + " " + c.key())
                    .toLowerCase(Locale.ROOT);
        }

        Views.Row row(ComponentView c) {
            ComponentStatus s = c.effectiveStatus();
            LocalizedText root = PublicProjection.causeOf(c);
            String cause = root == null ? null : fill(t.get("cause.via"), "name", t.of(root));
            List<Views.AlternativeView> alternatives = new ArrayList<>();
            for (Alternative a : c.alternatives()) {
                ComponentView provider = a.component() == null ? null : byKey.get(a.component());
                alternatives.add(new Views.AlternativeView(
                        t.of(a.name()),
                        t.of(a.howTo()),
                        a.url(),
                        t.of(a.hours()),
                        provider == null ? null : t.status(provider.effectiveStatus())));
            }
            return new Views.Row(
                    c.key(),
                    t.of(c.name()),
                    search(c),
                    s.value(),
                    t.status(s),
                    Texts.icon(s),
                    cause,
                    t.of(c.description()),
                    alternatives,
                    history(c.key()));
        }

        Views.History history(String key) {
            List<ComponentStatus> days = state.history().get(key);
            if (days == null) return new Views.History(t.get("history.clean"), List.of());
            LocalDate first = state.today().minusDays(DailyHistory.DAYS - 1);
            Map<ComponentStatus, Integer> counts = new EnumMap<>(ComponentStatus.class);
            List<Views.Day> cells = new ArrayList<>(days.size());
            for (int d = 0; d < days.size(); d++) {
                ComponentStatus s = days.get(d);
                if (s != ComponentStatus.OPERATIONAL) counts.merge(s, 1, Integer::sum);
                cells.add(new Views.Day(s.value(), first.plusDays(d) + ": " + t.status(s)));
            }
            List<String> parts = new ArrayList<>();
            for (ComponentStatus s : List.of(
                    ComponentStatus.MAJOR_OUTAGE,
                    ComponentStatus.PARTIAL_OUTAGE,
                    ComponentStatus.DEGRADED_PERFORMANCE,
                    ComponentStatus.UNDER_MAINTENANCE)) {
                Integer n = counts.get(s);
                if (n != null) parts.add(fill(fill(t.get("history.daysOf"), "label", t.status(s)), "n", n));
            }
            return new Views.History(fill(t.get("history.days"), "list", String.join(", ", parts)), cells);
        }

        String labelsJson() {
            Map<String, Object> labels = new LinkedHashMap<>(t.all());
            Map<String, String> icons = new LinkedHashMap<>();
            for (ComponentStatus s : ComponentStatus.values()) icons.put(s.value(), Texts.icon(s));
            labels.put("icons", icons);
            try {
                return json.writeValueAsString(labels).replace("<", "\\u003c");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        String feed() {
            String base = config.publicUrl() + t.prefix();
            List<Map<String, Object>> entries = new ArrayList<>();
            Instant updated = null;
            for (IncidentStory i : state.incidents()) {
                if (entries.size() == StatuspageJson.LIMIT) break;
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
            return feed.data("lang", t.lang)
                    .data("self", base + "/history.atom")
                    .data("alternate", base + "/history")
                    .data("title", siteName() + " — " + t.get("feed.title"))
                    .data("siteName", siteName())
                    .data("updated", iso(updated == null ? state.loadedAt() : updated))
                    .data("entries", entries)
                    .render();
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
