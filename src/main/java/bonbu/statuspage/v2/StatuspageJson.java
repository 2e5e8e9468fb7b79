package bonbu.statuspage.v2;

import static bonbu.statuspage.site.Texts.iso;

import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.incident.IncidentStory;
import bonbu.incident.IncidentView;
import bonbu.maintenance.MaintenanceStatus;
import bonbu.maintenance.MaintenanceView;
import bonbu.shared.Kst;
import bonbu.statuspage.PublicState;
import bonbu.statuspage.site.Indicator;
import bonbu.statuspage.site.Texts;
import bonbu.statuspage.v2.Documents.Affected;
import bonbu.statuspage.v2.Documents.Component;
import bonbu.statuspage.v2.Documents.Group;
import bonbu.statuspage.v2.Documents.Incident;
import bonbu.statuspage.v2.Documents.Listed;
import bonbu.statuspage.v2.Documents.Maintenance;
import bonbu.statuspage.v2.Documents.Page;
import bonbu.statuspage.v2.Documents.Update;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Statuspage v2 public API documents (summary, status, components, incidents, scheduled
 * maintenances), with Atlassian's object shapes, field names and enum values, in one language.
 */
public final class StatuspageJson {

    static final String PAGE_ID = "bonbu";

    private final PublicState state;
    private final Texts texts;
    private final String url;
    private final Map<String, ComponentView> byKey = new LinkedHashMap<>();
    /** Component key → its Statuspage {@code position}. */
    private final Map<String, Integer> positions = new HashMap<>();

    private final Page page;
    private final Documents.Status status;
    private final List<Listed> components;

    private StatuspageJson(PublicState state, Texts texts, String name, String url, Indicator indicator) {
        this.state = state;
        this.texts = texts;
        this.url = url;
        for (ComponentView c : state.components()) byKey.put(c.key(), c);
        this.page = page(name);
        this.status = new Documents.Status(indicator.value(), indicator.description());
        this.components = components();
    }

    /**
     * Every document of one language, by its path below {@code api/v2/}, ready for a JSON writer.
     * {@code url} is the page's address in that language, ending with a slash.
     */
    public static Map<String, Object> documents(
            PublicState state, Texts texts, String name, String url, Indicator indicator) {
        StatuspageJson api = new StatuspageJson(state, texts, name, url, indicator);
        List<Incident> unresolved = api.incidents(true);
        List<Maintenance> upcoming = api.maintenances(List.of("upcoming"));
        Map<String, Object> docs = new LinkedHashMap<>();
        docs.put(
                "summary.json",
                new Documents.Summary(
                        api.page,
                        api.components,
                        unresolved,
                        api.maintenances(List.of("upcoming", "active")),
                        api.status));
        docs.put("status.json", new Documents.StatusDocument(api.page, api.status));
        docs.put("components.json", new Documents.ComponentsDocument(api.page, api.components));
        docs.put("incidents.json", new Documents.IncidentsDocument(api.page, api.incidents(false)));
        docs.put("incidents/unresolved.json", new Documents.IncidentsDocument(api.page, unresolved));
        docs.put(
                "scheduled-maintenances.json",
                new Documents.MaintenancesDocument(
                        api.page, api.maintenances(List.of("upcoming", "active", "completed"))));
        docs.put("scheduled-maintenances/upcoming.json", new Documents.MaintenancesDocument(api.page, upcoming));
        docs.put(
                "scheduled-maintenances/active.json",
                new Documents.MaintenancesDocument(api.page, api.maintenances(List.of("active"))));
        return docs;
    }

    private Page page(String name) {
        Instant updated = state.components().stream()
                .map(ComponentView::updatedAt)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(state.loadedAt());
        for (IncidentStory i : state.incidents()) {
            if (i.updatedAt().isAfter(updated)) updated = i.updatedAt();
        }
        return new Page(PAGE_ID, name, url, Kst.ZONE.getId(), iso(updated));
    }

    /** Catalog order, each group listed before its first member; positions count both. */
    private List<Listed> components() {
        Map<String, List<ComponentView>> groups = new LinkedHashMap<>();
        for (ComponentView c : state.components()) {
            groups.computeIfAbsent(PublicState.groupId(c), g -> new ArrayList<>())
                    .add(c);
        }
        List<Listed> list = new ArrayList<>();
        int position = 0;
        for (ComponentView c : state.components()) {
            String groupId = PublicState.groupId(c);
            List<ComponentView> members = groups.get(groupId);
            if (members.get(0) == c) list.add(group(groupId, members, ++position));
            positions.put(c.key(), ++position);
            list.add(component(c, groupId, position));
        }
        return list;
    }

    private Group group(String id, List<ComponentView> members, int position) {
        ComponentStatus worst = ComponentStatus.OPERATIONAL;
        Instant updated = null;
        for (ComponentView c : members) {
            if (c.effectiveStatus().isWorseThan(worst)) worst = c.effectiveStatus();
            if (c.updatedAt() != null && (updated == null || c.updatedAt().isAfter(updated))) updated = c.updatedAt();
        }
        ComponentView first = members.get(0);
        return new Group(
                id,
                texts.of(first.group()),
                worst.value(),
                iso(first.createdAt()),
                iso(updated),
                position,
                null,
                false,
                null,
                null,
                PAGE_ID,
                true,
                false,
                members.stream().map(ComponentView::key).toList());
    }

    private Component component(ComponentView c, String groupId, int position) {
        return new Component(
                c.key(),
                texts.of(c.name()),
                c.effectiveStatus().value(),
                iso(c.createdAt()),
                iso(c.updatedAt()),
                position,
                texts.of(c.description()),
                true,
                c.createdAt() == null ? null : Kst.day(c.createdAt()).toString(),
                groupId,
                PAGE_ID,
                false,
                false);
    }

    private Component component(String key) {
        ComponentView c = byKey.get(key);
        return component(c, PublicState.groupId(c), positions.get(key));
    }

    private List<Incident> incidents(boolean unresolvedOnly) {
        List<Incident> list = new ArrayList<>();
        for (IncidentStory i : state.incidents()) {
            if (unresolvedOnly && !i.isActive()) continue;
            if (list.size() == PublicState.LISTED) break;
            list.add(incident(i));
        }
        return list;
    }

    private Incident incident(IncidentStory i) {
        IncidentView.KeyTimes times = i.keyTimes();
        List<Update> updates = new ArrayList<>();
        for (IncidentView.Update u : i.updates()) {
            List<Affected> affected = new ArrayList<>();
            for (var change : u.components()) {
                ComponentView c = byKey.get(change.key());
                if (c == null) continue; // not public
                affected.add(new Affected(
                        c.key(), texts.of(c.name()), null, change.status().value()));
            }
            String at = iso(u.publishedAt());
            updates.add(new Update(
                    i.number() + "-" + u.id(),
                    u.status().value(),
                    texts.of(u.message()),
                    i.number(),
                    at,
                    at,
                    at,
                    affected,
                    true,
                    null,
                    null));
        }
        return new Incident(
                i.number(),
                texts.of(i.title()),
                i.status().value(),
                iso(times.declaredAt()),
                iso(i.updatedAt()),
                iso(times.mitigatedAt()),
                i.isActive() ? null : iso(times.resolvedAt()),
                Indicator.impactOf(i.severity()).value(),
                url + texts.prefix() + "/incidents/" + i.number(),
                iso(times.detectedAt()),
                PAGE_ID,
                updates,
                i.components().stream()
                        .filter(byKey::containsKey)
                        .map(this::component)
                        .toList());
    }

    /** {@code which}: any of {@code upcoming}, {@code active}, {@code completed}. */
    private List<Maintenance> maintenances(List<String> which) {
        List<Maintenance> list = new ArrayList<>();
        List<MaintenanceView> windows = new ArrayList<>(state.maintenances());
        // Newest first, as Statuspage lists them.
        Collections.reverse(windows);
        for (MaintenanceView m : windows) {
            if (list.size() == PublicState.LISTED) break;
            String state = m.status() == MaintenanceStatus.SCHEDULED
                    ? "upcoming"
                    : m.status().isActive() ? "active" : m.status() == MaintenanceStatus.COMPLETED ? "completed" : null;
            if (state == null || !which.contains(state)) continue;
            List<String> visible = m.components().stream()
                    .map(MaintenanceView.ComponentState::key)
                    .filter(byKey::containsKey)
                    .toList();
            if (visible.isEmpty()) continue;
            list.add(maintenance(m, visible));
        }
        return list;
    }

    private Maintenance maintenance(MaintenanceView w, List<String> visible) {
        String updated = iso(latest(w.scheduledFor(), w.startedAt(), w.completedAt()));
        Update update = new Update(
                w.number() + "-" + w.status().value(),
                w.status().value(),
                texts.of(w.message()),
                w.number(),
                updated,
                updated,
                updated,
                List.of(),
                true,
                null,
                null);
        return new Maintenance(
                w.number(),
                texts.of(w.title()),
                w.status().value(),
                iso(w.scheduledFor()),
                updated,
                null,
                iso(w.completedAt()),
                "maintenance",
                url + texts.prefix() + "/",
                iso(w.startedAt() != null ? w.startedAt() : w.scheduledFor()),
                PAGE_ID,
                List.of(update),
                visible.stream().map(this::component).toList(),
                iso(w.scheduledFor()),
                iso(w.scheduledUntil()));
    }

    private static Instant latest(Instant... times) {
        Instant latest = null;
        for (Instant t : times) {
            if (t != null && (latest == null || t.isAfter(latest))) latest = t;
        }
        return latest;
    }
}
