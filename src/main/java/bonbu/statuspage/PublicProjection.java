package bonbu.statuspage;

import bonbu.component.Catalog;
import bonbu.component.ComponentFact;
import bonbu.component.ComponentFact.ComponentCreated;
import bonbu.component.ComponentFact.ComponentUpdated;
import bonbu.component.ComponentFact.EffectiveStatusChanged;
import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.incident.IncidentFact;
import bonbu.incident.IncidentFact.IncidentDeclared;
import bonbu.incident.IncidentFact.StatusChanged;
import bonbu.incident.IncidentFact.UpdatePublished;
import bonbu.maintenance.MaintenanceFact;
import bonbu.maintenance.MaintenanceFact.MaintenanceScheduled;
import bonbu.maintenance.MaintenanceFact.MaintenanceStatusChanged;
import bonbu.review.hypothesis.HypothesisFact;
import bonbu.review.hypothesis.HypothesisFact.CausePublished;
import bonbu.shared.LocalizedText;
import bonbu.timeline.Audience;
import bonbu.timeline.Facts;
import bonbu.timeline.TimelineEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.NullNode;
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
    public record PublicEntry(long seq, String type, Instant at, String incident, PublicData data) {}

    /**
     * The {@code data} of a public message. Fields copied from the stored entry are left out where
     * the entry had no such key ({@link #kept}); lists are always present.
     */
    public sealed interface PublicData {}

    /** A public entry whose details only the page shows: {@code {}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Nothing() implements PublicData {}

    /** {@code component.effective_status_changed}: groups of public components that moved together. */
    record StatusChanges(List<StatusGroup> changes) implements PublicData {}

    record StatusGroup(
            Object from,
            Object to,
            @JsonInclude(JsonInclude.Include.NON_NULL) LocalizedText cause,
            List<String> keys) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewComponent(Object key, Object name, Object group) implements PublicData {}

    /** {@code changed}: which of the fields the page shows were changed. */
    record ChangedComponent(Object key, List<String> changed) implements PublicData {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Declaration(Object number, Object title, Object status, List<ShownComponent> components, Update update)
            implements PublicData {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Update(Object id, Object status, Object message, List<ShownComponent> components, Object publishedAt) {}

    /** {@code incident.update_published}: the update, then the incident and where it stood before. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PublishedUpdate(
            Object id,
            Object status,
            Object message,
            List<ShownComponent> components,
            Object publishedAt,
            Object number,
            Object previousStatus)
            implements PublicData {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record IncidentMove(Object number, Object from, Object to) implements PublicData {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PublishedCause(Object cause) implements PublicData {}

    /** {@code maintenance.scheduled} and {@code maintenance.status_changed}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MaintenanceNotice(
            Object number,
            Object title,
            Object status,
            Object from,
            Object to,
            Object scheduledFor,
            Object scheduledUntil,
            Object message,
            List<ShownComponent> components)
            implements PublicData {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ShownComponent(Object key, Object name, Object status) {}

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

        /**
         * Dispatches on the entry's fact record but copies the stored values: the message carries
         * what the entry stored, key by key (a legacy entry's extra names, a key it never had),
         * which a decoded record cannot tell apart from a null or a default.
         */
        PublicData data(TimelineEvent e) {
            Map<String, Object> in = e.data() == null ? Map.of() : e.data();
            Class<?> fact = PUBLIC_FACTS.get(e.type());
            if (fact == EffectiveStatusChanged.class) return new StatusChanges(statusChanges(in));
            if (fact == ComponentCreated.class) {
                return isShown(in.get("key"))
                        ? new NewComponent(kept(in, "key"), kept(in, "name"), kept(in, "group"))
                        : new Nothing();
            }
            if (fact == ComponentUpdated.class) return isShown(in.get("key")) ? componentUpdated(in) : new Nothing();
            if (fact == IncidentDeclared.class) {
                return new Declaration(
                        kept(in, "number"),
                        kept(in, "title"),
                        kept(in, "status"),
                        shownComponents(in.get("components")),
                        in.get("update") instanceof Map<?, ?> update ? update(update) : null);
            }
            if (fact == UpdatePublished.class) {
                Update u = update(in);
                return new PublishedUpdate(
                        u.id(),
                        u.status(),
                        u.message(),
                        u.components(),
                        u.publishedAt(),
                        kept(in, "number"),
                        kept(in, "previousStatus"));
            }
            if (fact == StatusChanged.class) {
                return new IncidentMove(kept(in, "number"), kept(in, "from"), kept(in, "to"));
            }
            if (fact == CausePublished.class) return new PublishedCause(kept(in, "cause"));
            if (fact == MaintenanceScheduled.class || fact == MaintenanceStatusChanged.class) {
                return new MaintenanceNotice(
                        kept(in, "number"),
                        kept(in, "title"),
                        kept(in, "status"),
                        kept(in, "from"),
                        kept(in, "to"),
                        kept(in, "scheduledFor"),
                        kept(in, "scheduledUntil"),
                        kept(in, "message"),
                        shownComponents(in.get("components")));
            }
            // Anything else public says only that something changed: the page has the rest.
            return new Nothing();
        }

        private static ChangedComponent componentUpdated(Map<String, Object> in) {
            List<String> changed = new ArrayList<>();
            if (in.get("changes") instanceof Map<?, ?> changes) {
                for (Object field : changes.keySet()) {
                    if (SHOWN_FIELDS.contains(String.valueOf(field))) changed.add(String.valueOf(field));
                }
            }
            return new ChangedComponent(in.get("key"), changed);
        }

        /** Effective-status groups of public components, merged by from, to and cause. */
        private List<StatusGroup> statusChanges(Map<String, Object> in) {
            Map<List<Object>, StatusGroup> groups = new LinkedHashMap<>();
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
                groups.computeIfAbsent(
                                Arrays.asList(from, to, cause),
                                k -> new StatusGroup(from, to, cause, new ArrayList<>()))
                        .keys()
                        .addAll(visible);
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
        private Update update(Map<?, ?> in) {
            return new Update(
                    kept(in, "id"),
                    kept(in, "status"),
                    kept(in, "message"),
                    shownComponents(in.get("components")),
                    kept(in, "publishedAt"));
        }

        /** The {@code [{key, …}]} entries of public components, hidden ones left out. */
        private List<ShownComponent> shownComponents(Object list) {
            if (!(list instanceof List<?> items)) return List.of();
            List<ShownComponent> out = new ArrayList<>();
            for (Object item : items) {
                if (item instanceof Map<?, ?> m && isShown(m.get("key"))) {
                    out.add(new ShownComponent(kept(m, "key"), kept(m, "name"), kept(m, "status")));
                }
            }
            return out;
        }

        private boolean isShown(Object key) {
            return key != null && shown.containsKey(String.valueOf(key));
        }
    }

    /**
     * A stored value as the public message carries it: Java null when the entry lacks the key (the
     * message leaves it out), a JSON null when the entry stored null (the message says null).
     */
    private static Object kept(Map<?, ?> in, String key) {
        if (!in.containsKey(key)) return null;
        Object value = in.get(key);
        return value == null ? NullNode.getInstance() : value;
    }

    /** Entry type → fact record, for the families whose public entries carry details. */
    private static final Map<String, Class<?>> PUBLIC_FACTS = publicFacts();

    private static Map<String, Class<?>> publicFacts() {
        Map<String, Class<?>> facts = new HashMap<>();
        for (Class<?> family :
                List.of(ComponentFact.class, IncidentFact.class, HypothesisFact.class, MaintenanceFact.class)) {
            facts.putAll(Facts.typesOf(family));
        }
        return Map.copyOf(facts);
    }

    /** The fields of a component the public page shows, whose change the public hears of. */
    private static final Set<String> SHOWN_FIELDS = Set.of("name", "group", "description", "alternatives", "public");
}
