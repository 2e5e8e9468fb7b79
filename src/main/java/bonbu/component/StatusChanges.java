package bonbu.component;

import bonbu.component.graph.CatalogSnapshot;
import bonbu.timeline.NewTimelineEntry;
import java.util.Collection;
import java.util.List;

/**
 * What setting some components' statuses did, inside the transaction that did it: every effective
 * status that moved, the timeline entries that record it (not yet appended), and the catalog as it
 * will be once committed.
 */
public final class StatusChanges {

    private final CatalogSnapshot after;
    private final List<ImpactView.Affected> changes;
    private final List<NewTimelineEntry> entries;

    StatusChanges(CatalogSnapshot after, List<ImpactView.Affected> changes, List<NewTimelineEntry> entries) {
        this.after = after;
        this.changes = List.copyOf(changes);
        this.entries = List.copyOf(entries);
    }

    public List<ImpactView.Affected> changes() {
        return changes;
    }

    public List<NewTimelineEntry> entries() {
        return entries;
    }

    /** A component as it will be after the commit. */
    public ComponentView view(String key) {
        return after.view(after.indexOf(key).orElseThrow(() -> Catalog.unknown(key)));
    }

    /** The given components and everything affected through them, as it will be after the commit. */
    public List<ComponentView> affectedBy(Collection<String> keys) {
        return after.affectedBy(keys);
    }
}
