package bonbu.statuspage;

import bonbu.component.Catalog;
import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.shared.LocalizedText;
import bonbu.timeline.Audience;
import bonbu.timeline.TimelineEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The one decision of what anonymous readers may see: the public components behind the public
 * pages, the feed and the Statuspage v2 JSON, and each public timeline entry as {@code /ws/public}
 * carries it. A public entry keeps its seq, type and time; its data keeps only what the public
 * page shows: public components (hidden ones are left out, with their statuses), and what a
 * status is caused by named the way the page names it, by the name of the far end of the chain.
 */
@ApplicationScoped
public class PublicProjection {

    private static final Logger LOG = Logger.getLogger(PublicProjection.class);

    @Inject
    Catalog catalog;

    /** One public timeline entry as the public sees it. */
    public record PublicEntry(long seq, String type, Instant at, String incident, Map<String, Object> data) {}

    /** The public components, in catalog order, with effective statuses and causes. */
    List<ComponentView> components() {
        return catalog.all().stream().filter(ComponentView::isPublic).toList();
    }

    /**
     * What the public page says a component suffers from: the component at the far end of its cause
     * chain, by name; null while it is operational or its own status explains it.
     */
    public static LocalizedText causeOf(ComponentView c) {
        if (c.effectiveStatus() == ComponentStatus.OPERATIONAL || c.causes().isEmpty()) return null;
        return c.causes().get(c.causes().size() - 1).name();
    }

    /**
     * The public entries among {@code entries}, in order, each with only what the public may see,
     * judged against the catalog as committed now (the same view the public pages are rendered
     * from). Staff entries are left out.
     */
    public List<PublicEntry> project(List<TimelineEvent> entries) {
        List<TimelineEvent> visible =
                entries.stream().filter(e -> e.audience() == Audience.PUBLIC).toList();
        if (visible.isEmpty()) return List.of();
        View view;
        try {
            view = new View(catalog.all());
        } catch (RuntimeException e) {
            // Without the catalog nothing can be judged public: the entries still go out (clients
            // keep their place in the seq order), naming no component.
            LOG.warnf(
                    "Could not read the catalog (%s); public entries %d to %d go out naming no component",
                    e.getMessage(),
                    visible.get(0).seq(),
                    visible.get(visible.size() - 1).seq());
            view = new View(List.of());
        }
        List<PublicEntry> projected = new ArrayList<>(visible.size());
        for (TimelineEvent e : visible) {
            projected.add(new PublicEntry(e.seq(), e.type(), e.at(), e.incident(), view.data(e)));
        }
        return projected;
    }

    /** The catalog at one moment, split into what the public page shows and what it only names. */
    private static final class View {
        final Map<String, ComponentView> shown = new HashMap<>();
        final Map<String, LocalizedText> names = new HashMap<>();

        View(List<ComponentView> all) {
            for (ComponentView c : all) {
                names.put(c.key(), c.name());
                if (c.isPublic()) shown.put(c.key(), c);
            }
        }

        Map<String, Object> data(TimelineEvent e) {
            Map<String, Object> in = e.data() == null ? Map.of() : e.data();
            Map<String, Object> out = new LinkedHashMap<>();
            switch (e.type()) {
                case "component.effective_status_changed" -> out.put("changes", statusChanges(in));
                case "component.created" -> {
                    if (isShown(in.get("key"))) copy(in, out, "key", "name", "group");
                }
                case "component.updated" -> {
                    if (isShown(in.get("key"))) {
                        out.put("key", in.get("key"));
                        List<String> changed = new ArrayList<>();
                        if (in.get("changes") instanceof Map<?, ?> changes) {
                            for (Object field : changes.keySet()) {
                                if (SHOWN_FIELDS.contains(String.valueOf(field))) changed.add(String.valueOf(field));
                            }
                        }
                        out.put("changed", changed);
                    }
                }
                case "incident.declared" -> {
                    copy(in, out, "number", "title", "status");
                    out.put("components", shownComponents(in.get("components")));
                    if (in.get("update") instanceof Map<?, ?> update) out.put("update", update(update));
                }
                case "incident.update_published" -> {
                    out.putAll(update(in));
                    copy(in, out, "number", "previousStatus");
                }
                case "incident.status_changed" -> copy(in, out, "number", "from", "to");
                case "incident.cause_published" -> copy(in, out, "cause");
                case "maintenance.scheduled", "maintenance.status_changed" -> {
                    copy(
                            in,
                            out,
                            "number",
                            "title",
                            "status",
                            "from",
                            "to",
                            "scheduledFor",
                            "scheduledUntil",
                            "message");
                    out.put("components", shownComponents(in.get("components")));
                }
                default -> {
                    // Anything else public says only that something changed: the page has the rest.
                }
            }
            return out;
        }

        /** Effective-status groups of public components: {@code [{from, to, cause, keys}]}. */
        private List<Map<String, Object>> statusChanges(Map<String, Object> in) {
            Map<List<Object>, Map<String, Object>> groups = new LinkedHashMap<>();
            if (!(in.get("changes") instanceof List<?> changes)) return List.of();
            for (Object g : changes) {
                if (!(g instanceof Map<?, ?> group) || !(group.get("keys") instanceof List<?> keys)) continue;
                List<String> visible = keys.stream()
                        .map(String::valueOf)
                        .filter(shown::containsKey)
                        .toList();
                if (visible.isEmpty()) continue;
                Object from = group.get("from");
                Object to = group.get("to");
                LocalizedText cause = cause(to, group.get("causes"), in.get("causeNames"));
                Map<String, Object> out = groups.computeIfAbsent(Arrays.asList(from, to, cause), k -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("from", from);
                    m.put("to", to);
                    if (cause != null) m.put("cause", cause);
                    m.put("keys", new ArrayList<String>());
                    return m;
                });
                @SuppressWarnings("unchecked")
                List<String> into = (List<String>) out.get("keys");
                into.addAll(visible);
            }
            return new ArrayList<>(groups.values());
        }

        /** The name of the chain's far end, as {@link PublicProjection#causeOf} gives it on the page. */
        private LocalizedText cause(Object to, Object chain, Object namesThen) {
            if (ComponentStatus.OPERATIONAL.value().equals(String.valueOf(to))) return null;
            if (!(chain instanceof List<?> keys) || keys.isEmpty()) return null;
            String root = String.valueOf(keys.get(keys.size() - 1));
            LocalizedText name = names.get(root);
            if (name == null
                    && namesThen instanceof Map<?, ?> then
                    && then.get(root) instanceof Map<?, ?> text
                    && text.get("ko") instanceof String ko) {
                name = LocalizedText.of(ko, text.get("en") instanceof String en ? en : null);
            }
            return name;
        }

        /** An incident update with only the public components it set. */
        private Map<String, Object> update(Map<?, ?> in) {
            Map<String, Object> out = new LinkedHashMap<>();
            copy(in, out, "id", "status", "message");
            out.put("components", shownComponents(in.get("components")));
            copy(in, out, "publishedAt");
            return out;
        }

        /** The {@code [{key, …}]} entries of public components, hidden ones left out. */
        private List<Object> shownComponents(Object list) {
            if (!(list instanceof List<?> items)) return List.of();
            List<Object> out = new ArrayList<>();
            for (Object item : items) {
                if (item instanceof Map<?, ?> m && isShown(m.get("key"))) {
                    Map<String, Object> c = new LinkedHashMap<>();
                    copy(m, c, "key", "name", "status");
                    out.add(c);
                }
            }
            return out;
        }

        private boolean isShown(Object key) {
            return key != null && shown.containsKey(String.valueOf(key));
        }
    }

    /** The fields of a component the public page shows, whose change the public hears of. */
    private static final Set<String> SHOWN_FIELDS = Set.of("name", "group", "description", "alternatives", "public");

    private static void copy(Map<?, ?> from, Map<String, Object> to, String... fields) {
        for (String f : fields) {
            if (from.containsKey(f)) to.put(f, from.get(f));
        }
    }
}
