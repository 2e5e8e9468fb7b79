package bonbu.component;

import bonbu.shared.LocalizedText;
import bonbu.timeline.Fact;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What happened to the catalog, as the timeline stores it: components added and edited, their own
 * statuses set, dependencies changed, and the effective statuses that moved because of it.
 */
public sealed interface ComponentFact extends Fact {

    @Fact.Type("component.created")
    record ComponentCreated(
            String key,
            LocalizedText name,
            LocalizedText group,
            ComponentKind kind,
            int tier,
            @JsonProperty("public") boolean isPublic,
            ComponentStatus status)
            implements ComponentFact {}

    /** Only the fields that changed, each from what to what. */
    @Fact.Type("component.updated")
    record ComponentUpdated(String key, Changes changes) implements ComponentFact {}

    /** The fields an edit changed; those it left alone are absent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Changes(
            Change<LocalizedText> name,
            Change<LocalizedText> group,
            Change<ComponentKind> kind,
            Change<Integer> tier,
            @JsonProperty("public") Change<Boolean> isPublic,
            Change<LocalizedText> description,
            Change<List<Alternative>> alternatives) {

        boolean isEmpty() {
            return name == null
                    && group == null
                    && kind == null
                    && tier == null
                    && isPublic == null
                    && description == null
                    && alternatives == null;
        }
    }

    /** One field's old and new value (either may be null). */
    record Change<T>(T from, T to) {}

    /** A component's own status was set; {@code incident} names the incident it was set for, if any. */
    @Fact.Type("component.status_changed")
    record ComponentStatusChanged(
            String key,
            LocalizedText name,
            ComponentStatus from,
            ComponentStatus to,
            String reason,
            @JsonInclude(JsonInclude.Include.NON_NULL) String incident)
            implements ComponentFact {}

    @Fact.Type("dependency.added")
    record DependencyAdded(String downstream, String upstream, DependencyKind kind) implements ComponentFact {}

    @Fact.Type("dependency.changed")
    record DependencyChanged(String downstream, String upstream, DependencyKind kind, DependencyKind previousKind)
            implements ComponentFact {}

    @Fact.Type("dependency.removed")
    record DependencyRemoved(String downstream, String upstream, DependencyKind kind) implements ComponentFact {}

    /**
     * Effective statuses that moved, grouped by what happened and why, with the names of the
     * components named as causes.
     */
    sealed interface Impact extends ComponentFact {
        List<ImpactGroup> changes();

        SortedMap<String, LocalizedText> causeNames();
    }

    /** Every effective status that moved, for staff. */
    @Fact.Type("catalog.impact")
    record CatalogImpact(List<ImpactGroup> changes, SortedMap<String, LocalizedText> causeNames) implements Impact {}

    /** The public components' effective statuses that moved, for everyone. */
    @Fact.Type("component.effective_status_changed")
    record EffectiveStatusChanged(List<ImpactGroup> changes, SortedMap<String, LocalizedText> causeNames)
            implements Impact {}

    /**
     * Components whose effective status moved the same way for the same causes. A shared failure
     * moves thousands of components at once, so this keeps the entry small.
     */
    record ImpactGroup(ComponentStatus from, ComponentStatus to, List<String> causes, List<String> keys) {

        /** The changes grouped by from, to and cause chain, in the order they first appear. */
        static List<ImpactGroup> of(List<ImpactView.Affected> changes) {
            Map<List<Object>, ImpactGroup> groups = new LinkedHashMap<>();
            for (ImpactView.Affected a : changes) {
                List<String> causes =
                        a.causes().stream().map(ComponentView.Cause::key).toList();
                groups.computeIfAbsent(
                                List.of(a.from(), a.to(), causes),
                                k -> new ImpactGroup(a.from(), a.to(), causes, new ArrayList<>()))
                        .keys()
                        .add(a.key());
            }
            return List.copyOf(groups.values());
        }
    }
}
