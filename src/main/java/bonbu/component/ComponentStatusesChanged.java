package bonbu.component;

import bonbu.timeline.NewTimelineEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Fired synchronously, inside the transaction, when component statuses were set outside an
 * incident. Observers react in the same transaction and record their own facts here; the catalog
 * appends them with its own as the last step.
 */
public final class ComponentStatusesChanged {

    private final StatusChanges changes;
    private final List<NewTimelineEntry> recorded = new ArrayList<>();

    ComponentStatusesChanged(StatusChanges changes) {
        this.changes = changes;
    }

    public StatusChanges changes() {
        return changes;
    }

    public void record(NewTimelineEntry entry) {
        recorded.add(entry);
    }

    List<NewTimelineEntry> recorded() {
        return recorded;
    }
}
