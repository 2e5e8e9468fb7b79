package bonbu.statuspage;

import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.incident.IncidentStory;
import bonbu.incident.IncidentView;
import bonbu.maintenance.MaintenanceStatus;
import bonbu.maintenance.MaintenanceView;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Statuspage v2 public API documents (summary, status, components, incidents, scheduled
 * maintenances), with Atlassian's object shapes, field names and enum values, in one language.
 */
final class StatuspageJson {

    static final String PAGE_ID = "bonbu";
    /** Statuspage lists at most this many incidents and maintenances. */
    static final int LIMIT = 50;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final PublicState state;
    private final Texts texts;
    private final String name;
    private final String url;
    private final Map<String, ComponentView> byKey = new LinkedHashMap<>();
    private final List<Map<String, Object>> components;
    private final Indicator indicator;

    StatuspageJson(PublicState state, Texts texts, String name, String url, Indicator indicator) {
        this.state = state;
        this.texts = texts;
        this.name = name;
        this.url = url;
        this.indicator = indicator;
        for (ComponentView c : state.components()) byKey.put(c.key(), c);
        this.components = components();
    }

    static String time(Instant at) {
        return at == null ? null : TIME.format(OffsetDateTime.ofInstant(at, DailyHistory.KOREA));
    }

    /** The id of a group of components: stable as long as its Korean name is. */
    static String groupId(ComponentView c) {
        return "group-" + Integer.toHexString(c.group().ko().hashCode());
    }

    Map<String, Object> page() {
        Instant updated = state.components().stream()
                .map(ComponentView::updatedAt)
                .filter(java.util.Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(state.loadedAt());
        for (IncidentStory i : state.incidents()) {
            if (i.updatedAt().isAfter(updated)) updated = i.updatedAt();
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("id", PAGE_ID);
        page.put("name", name);
        page.put("url", url);
        page.put("time_zone", "Asia/Seoul");
        page.put("updated_at", time(updated));
        return page;
    }

    Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("indicator", indicator.value);
        status.put("description", indicator.description);
        return status;
    }

    Map<String, Object> summary() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("page", page());
        doc.put("components", components);
        doc.put("incidents", incidents(true));
        doc.put("scheduled_maintenances", maintenances(List.of("upcoming", "active")));
        doc.put("status", status());
        return doc;
    }

    Map<String, Object> statusDocument() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("page", page());
        doc.put("status", status());
        return doc;
    }

    Map<String, Object> componentsDocument() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("page", page());
        doc.put("components", components);
        return doc;
    }

    Map<String, Object> incidentsDocument(boolean unresolvedOnly) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("page", page());
        doc.put("incidents", incidents(unresolvedOnly));
        return doc;
    }

    /** {@code which}: any of {@code upcoming}, {@code active}, {@code completed}. */
    Map<String, Object> maintenancesDocument(List<String> which) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("page", page());
        doc.put("scheduled_maintenances", maintenances(which));
        return doc;
    }

    /** Component key → its Statuspage {@code position}. */
    private final Map<String, Integer> positions = new java.util.HashMap<>();

    /** A group as Statuspage lists it: its entry, filled in once all its members are seen. */
    private static final class Group {
        final Map<String, Object> entry;
        final List<String> members = new ArrayList<>();
        ComponentStatus worst = ComponentStatus.OPERATIONAL;
        Instant updated;

        Group(Map<String, Object> entry, Instant updated) {
            this.entry = entry;
            this.updated = updated;
        }

        void add(ComponentView c) {
            members.add(c.key());
            if (c.effectiveStatus().isWorseThan(worst)) worst = c.effectiveStatus();
            if (c.updatedAt() != null && (updated == null || c.updatedAt().isAfter(updated))) updated = c.updatedAt();
        }

        void finish() {
            entry.put("status", worst.value());
            entry.put("updated_at", time(updated));
            entry.put("components", members);
        }
    }

    private List<Map<String, Object>> components() {
        List<Map<String, Object>> list = new ArrayList<>();
        Map<String, Group> groups = new LinkedHashMap<>();
        int position = 0;
        for (ComponentView c : state.components()) {
            String groupId = groupId(c);
            Group group = groups.get(groupId);
            if (group == null) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", groupId);
                entry.put("name", texts.of(c.group()));
                entry.put("status", null);
                entry.put("created_at", time(c.createdAt()));
                entry.put("updated_at", null);
                entry.put("position", ++position);
                entry.put("description", null);
                entry.put("showcase", false);
                entry.put("start_date", null);
                entry.put("group_id", null);
                entry.put("page_id", PAGE_ID);
                entry.put("group", true);
                entry.put("only_show_if_degraded", false);
                entry.put("components", null);
                group = new Group(entry, c.updatedAt());
                groups.put(groupId, group);
                list.add(entry);
            }
            group.add(c);
            positions.put(c.key(), ++position);
            list.add(component(c, groupId, position));
        }
        groups.values().forEach(Group::finish);
        return list;
    }

    private Map<String, Object> component(ComponentView c, String groupId, int position) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.key());
        m.put("name", texts.of(c.name()));
        m.put("status", c.effectiveStatus().value());
        m.put("created_at", time(c.createdAt()));
        m.put("updated_at", time(c.updatedAt()));
        m.put("position", position);
        m.put("description", texts.of(c.description()));
        m.put("showcase", true);
        m.put("start_date", c.createdAt() == null ? null : LocalDateOf(c.createdAt()));
        m.put("group_id", groupId);
        m.put("page_id", PAGE_ID);
        m.put("group", false);
        m.put("only_show_if_degraded", false);
        return m;
    }

    private static String LocalDateOf(Instant at) {
        return java.time.LocalDate.ofInstant(at, DailyHistory.KOREA).toString();
    }

    private List<Map<String, Object>> incidents(boolean unresolvedOnly) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (IncidentStory i : state.incidents()) {
            if (unresolvedOnly && !i.isActive()) continue;
            if (list.size() == LIMIT) break;
            list.add(incident(i));
        }
        return list;
    }

    private Map<String, Object> incident(IncidentStory i) {
        IncidentView.KeyTimes times = i.keyTimes();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.number());
        m.put("name", texts.of(i.title()));
        m.put("status", i.status().value());
        m.put("created_at", time(times.declaredAt()));
        m.put("updated_at", time(i.updatedAt()));
        m.put("monitoring_at", time(times.mitigatedAt()));
        m.put("resolved_at", i.isActive() ? null : time(times.resolvedAt()));
        m.put("impact", Indicator.impactOf(i.severity()).value);
        m.put("shortlink", url + texts.prefix() + "/incidents/" + i.number());
        m.put("started_at", time(times.detectedAt()));
        m.put("page_id", PAGE_ID);
        List<Map<String, Object>> updates = new ArrayList<>();
        for (IncidentView.Update u : i.updates()) {
            Map<String, Object> update = new LinkedHashMap<>();
            update.put("id", i.number() + "-" + u.id());
            update.put("status", u.status().value());
            update.put("body", texts.of(u.message()));
            update.put("incident_id", i.number());
            update.put("created_at", time(u.publishedAt()));
            update.put("updated_at", time(u.publishedAt()));
            update.put("display_at", time(u.publishedAt()));
            List<Map<String, Object>> affected = new ArrayList<>();
            for (var change : u.components()) {
                ComponentView c = byKey.get(change.key());
                if (c == null) continue; // not public
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("code", c.key());
                a.put("name", texts.of(c.name()));
                a.put("old_status", null);
                a.put("new_status", change.status().value());
                affected.add(a);
            }
            update.put("affected_components", affected);
            update.put("deliver_notifications", true);
            update.put("custom_tweet", null);
            update.put("tweet_id", null);
            updates.add(update);
        }
        m.put("incident_updates", updates);
        m.put(
                "components",
                i.components().stream()
                        .filter(byKey::containsKey)
                        .map(k -> component(byKey.get(k), groupId(byKey.get(k)), positions.get(k)))
                        .toList());
        return m;
    }

    private List<Map<String, Object>> maintenances(List<String> which) {
        List<Map<String, Object>> list = new ArrayList<>();
        List<MaintenanceView> windows = new ArrayList<>(state.maintenances());
        // Newest first, as Statuspage lists them.
        java.util.Collections.reverse(windows);
        for (MaintenanceView m : windows) {
            if (list.size() == LIMIT) break;
            String state = m.status() == MaintenanceStatus.SCHEDULED
                    ? "upcoming"
                    : m.status().isActive() ? "active" : m.status() == MaintenanceStatus.COMPLETED ? "completed" : null;
            if (state == null || !which.contains(state)) continue;
            List<MaintenanceView.ComponentState> visible = m.components().stream()
                    .filter(c -> byKey.containsKey(c.key()))
                    .toList();
            if (visible.isEmpty()) continue;
            list.add(maintenance(m, visible));
        }
        return list;
    }

    private Map<String, Object> maintenance(MaintenanceView w, List<MaintenanceView.ComponentState> visible) {
        Map<String, Object> m = new LinkedHashMap<>();
        Instant created = w.scheduledFor();
        Instant updated = latest(w.scheduledFor(), w.startedAt(), w.completedAt());
        m.put("id", w.number());
        m.put("name", texts.of(w.title()));
        m.put("status", w.status().value());
        m.put("created_at", time(created));
        m.put("updated_at", time(updated));
        m.put("monitoring_at", null);
        m.put("resolved_at", time(w.completedAt()));
        m.put("impact", "maintenance");
        m.put("shortlink", url + texts.prefix() + "/");
        m.put("started_at", time(w.startedAt() != null ? w.startedAt() : w.scheduledFor()));
        m.put("page_id", PAGE_ID);
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("id", w.number() + "-" + w.status().value());
        update.put("status", w.status().value());
        update.put("body", texts.of(w.message()));
        update.put("incident_id", w.number());
        update.put("created_at", time(updated));
        update.put("updated_at", time(updated));
        update.put("display_at", time(updated));
        update.put("affected_components", List.of());
        update.put("deliver_notifications", true);
        update.put("custom_tweet", null);
        update.put("tweet_id", null);
        m.put("incident_updates", List.of(update));
        m.put(
                "components",
                visible.stream()
                        .map(c -> component(byKey.get(c.key()), groupId(byKey.get(c.key())), positions.get(c.key())))
                        .toList());
        m.put("scheduled_for", time(w.scheduledFor()));
        m.put("scheduled_until", time(w.scheduledUntil()));
        return m;
    }

    private static Instant latest(Instant... times) {
        Instant latest = null;
        for (Instant t : times) {
            if (t != null && (latest == null || t.isAfter(latest))) latest = t;
        }
        return latest;
    }
}
