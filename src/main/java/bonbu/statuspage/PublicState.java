package bonbu.statuspage;

import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.incident.IncidentStory;
import bonbu.maintenance.MaintenanceView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the public may see, as loaded at one moment: the only input of every public page,
 * feed and JSON document. {@code seq} is the last timeline entry it includes.
 *
 * @param components the public components, in catalog order, with effective statuses and causes
 * @param incidents every incident's public story, newest first
 * @param maintenances every maintenance window, by scheduled start
 * @param history per public component that was not operational on some day of the last 90: the
 *     worst effective status of each day, oldest first; components missing here were fine
 * @param today the last day of the history, in Korea
 * @param touched per incident, the public components whose effective status it moved
 * @param causes per incident, its published cause (confirmed); missing while under investigation
 */
public record PublicState(
        long seq,
        Instant loadedAt,
        List<ComponentView> components,
        List<IncidentStory> incidents,
        List<MaintenanceView> maintenances,
        Map<String, List<ComponentStatus>> history,
        LocalDate today,
        Map<String, java.util.Set<String>> touched,
        Map<String, bonbu.shared.LocalizedText> causes) {

    /** Statuspage lists at most this many incidents and maintenances, and the Atom feed as many. */
    public static final int LISTED = 50;

    /** The id of a group of components: stable as long as its Korean name is. */
    public static String groupId(ComponentView c) {
        return "group-" + Integer.toHexString(c.group().ko().hashCode());
    }

    /** Whether the public would see anything different from {@code other}. */
    boolean sameContentAs(PublicState other) {
        return other != null
                && components.equals(other.components)
                && incidents.equals(other.incidents)
                && maintenances.equals(other.maintenances)
                && history.equals(other.history)
                && today.equals(other.today)
                && touched.equals(other.touched)
                && causes.equals(other.causes);
    }
}
