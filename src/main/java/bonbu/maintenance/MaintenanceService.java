package bonbu.maintenance;

import bonbu.component.Catalog;
import bonbu.component.CatalogService;
import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.component.StatusChanges;
import bonbu.maintenance.MaintenanceFact.MaintenanceScheduled;
import bonbu.maintenance.MaintenanceFact.MaintenanceStatusChanged;
import bonbu.maintenance.MaintenanceFact.Shown;
import bonbu.maintenance.MaintenanceFact.Skipped;
import bonbu.shared.LocalizedText;
import bonbu.shared.YearlyNumbers;
import bonbu.shared.problem.ProblemException;
import bonbu.timeline.Audience;
import bonbu.timeline.NewTimelineEntry;
import bonbu.timeline.Timeline;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Every change to maintenance windows: scheduling them, moving them by hand, and moving them on
 * schedule. Entering {@code in_progress} takes the window's components into maintenance; entering
 * {@code completed} gives them back.
 */
@ApplicationScoped
public class MaintenanceService {

    private static final Logger LOG = Logger.getLogger(MaintenanceService.class);

    @Inject
    Catalog catalog;

    @Inject
    CatalogService catalogService;

    @Inject
    Timeline timeline;

    @Inject
    Clock clock;

    /** What a move did to the catalog: the facts it recorded and the components afterwards. */
    private record Effect(
            List<NewTimelineEntry> entries, Map<String, ComponentView> components, List<Skipped> skipped) {}

    @Transactional
    public MaintenanceView schedule(ScheduleMaintenanceRequest request, String actor) {
        Instant now = clock.instant();
        List<String> keys = List.copyOf(new LinkedHashSet<>(request.components()));
        Maintenance m = Maintenance.plan(
                request.title(), keys, request.scheduledFor(), request.scheduledUntil(), request.message(), now);
        Map<String, ComponentView> components = existingComponents(keys);
        m.number = YearlyNumbers.next("MNT", now);
        m.persist();
        Audience audience = audienceOf(keys, components);
        timeline.append(
                actor,
                List.of(NewTimelineEntry.of(
                        audience,
                        null,
                        new MaintenanceScheduled(
                                m.number,
                                m.title(),
                                m.status,
                                m.scheduledFor,
                                m.scheduledUntil,
                                m.message(),
                                shown(keys, components, audience)))));
        return MaintenanceView.of(m, components);
    }

    /** Moves a window by hand; {@code message}, when not null, replaces what the window tells people. */
    @Transactional
    public MaintenanceView changeStatus(String number, MaintenanceStatus to, LocalizedText message, String actor) {
        return move(find(number), to, message, actor);
    }

    /**
     * Starts every scheduled window whose time has come, then completes every window in progress or
     * verifying whose end has passed. It runs outside any transaction so that each move commits on
     * its own: a window that cannot move is logged and tried again at the next check, and does not
     * hold up the others. Safe to run on every replica at once: a window moved concurrently is
     * moved once, and the other attempt is rolled back.
     *
     * @return how many windows this call moved
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int advance() {
        Instant now = clock.instant();
        int moved = 0;
        // Starts first, so a window whose whole time passed unseen starts and completes in one check.
        for (MaintenanceStatus to : List.of(MaintenanceStatus.IN_PROGRESS, MaintenanceStatus.COMPLETED)) {
            List<String> due = QuarkusTransaction.requiringNew().call(() -> Maintenance.due(to, now));
            for (String number : due) {
                if (moveOnSchedule(number, to, now)) moved++;
            }
        }
        return moved;
    }

    /** Windows in the given statuses, by scheduled start. */
    @Transactional
    public List<MaintenanceView> list(Set<MaintenanceStatus> statuses) {
        List<Maintenance> windows = Panache.getEntityManager()
                .createQuery(
                        "select distinct m from Maintenance m left join fetch m.components"
                                + " where m.status in ?1 order by m.scheduledFor, m.number",
                        Maintenance.class)
                .setParameter(1, statuses)
                .getResultList();
        Set<String> keys = new LinkedHashSet<>();
        windows.forEach(m -> keys.addAll(m.components));
        Map<String, ComponentView> components = views(catalog.affectedBy(keys), keys);
        return windows.stream().map(m -> MaintenanceView.of(m, components)).toList();
    }

    @Transactional
    public MaintenanceView get(String number) {
        Maintenance m = find(number);
        return MaintenanceView.of(m, views(catalog.affectedBy(m.components), m.components));
    }

    private boolean moveOnSchedule(String number, MaintenanceStatus to, Instant now) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Maintenance m = Maintenance.findByNumber(number).orElse(null);
                // Someone may have moved or cancelled it since the window was found due.
                if (m == null || !m.isDue(to, now)) return false;
                move(m, to, null, Timeline.SYSTEM_ACTOR);
                return true;
            });
        } catch (RuntimeException e) {
            if (causedBy(e, OptimisticLockException.class)) {
                LOG.debugf("Maintenance %s was moved by someone else at the same moment", number);
            } else {
                LOG.errorf(e, "Could not move maintenance %s to %s; it is tried again at the next check", number, to);
            }
            return false;
        }
    }

    private MaintenanceView move(Maintenance m, MaintenanceStatus to, LocalizedText message, String actor) {
        MaintenanceStatus from = m.status;
        boolean tookComponents = m.startedAt != null;
        m.moveTo(to, clock.instant());
        if (message != null) m.say(message);
        // A concurrent move of the same window fails here, before the catalog lock is taken; and the
        // window's row lock is always taken before the catalog's.
        Panache.getEntityManager().flush();
        Effect effect;
        if (to == MaintenanceStatus.IN_PROGRESS) {
            effect = takeIntoMaintenance(m);
        } else if (to == MaintenanceStatus.COMPLETED && tookComponents) {
            effect = giveBack(m);
        } else {
            effect = new Effect(List.of(), views(catalog.affectedBy(m.components), m.components), null);
        }
        Audience audience = audienceOf(m.components, effect.components());
        List<Shown> shown = shown(m.components, effect.components(), audience);
        Set<String> shownKeys = shown.stream().map(Shown::key).collect(Collectors.toSet());
        List<Skipped> skipped = effect.skipped() == null
                ? null
                : effect.skipped().stream()
                        .filter(s -> shownKeys.contains(s.key()))
                        .toList();
        List<NewTimelineEntry> entries = new ArrayList<>();
        entries.add(NewTimelineEntry.of(
                audience, null, new MaintenanceStatusChanged(m.number, m.title(), from, to, message, shown, skipped)));
        entries.addAll(effect.entries());
        timeline.append(actor, entries);
        return MaintenanceView.of(m, effect.components());
    }

    /**
     * Puts the window's components under maintenance, except those in a partial or major outage:
     * an outage outranks planned work, and hiding it behind "maintenance" would mislead.
     */
    private Effect takeIntoMaintenance(Maintenance m) {
        String reason = "Maintenance " + m.number + " started: " + m.titleKo;
        catalogService.lockCatalog();
        Map<String, ComponentStatus> statuses = new LinkedHashMap<>();
        List<Skipped> skipped = new ArrayList<>();
        for (String key : m.components) {
            ComponentView c = catalog.get(key);
            if (c.status() == ComponentStatus.PARTIAL_OUTAGE || c.status() == ComponentStatus.MAJOR_OUTAGE) {
                skipped.add(skip(c, "outage", null));
            } else {
                statuses.put(key, ComponentStatus.UNDER_MAINTENANCE);
            }
        }
        StatusChanges applied = catalogService.applyStatuses(statuses, reason, null);
        return new Effect(applied.entries(), views(applied.affectedBy(m.components), m.components), skipped);
    }

    /**
     * Returns to operational the window's components that are still under maintenance. One that
     * someone set to another status during the window is left as they set it, and one that another
     * active window still holds stays under maintenance.
     */
    private Effect giveBack(Maintenance m) {
        String reason = "Maintenance " + m.number + " completed: " + m.titleKo;
        catalogService.lockCatalog();
        Map<String, String> heldElsewhere = m.keysHeldByOtherWindows();
        Map<String, ComponentStatus> statuses = new LinkedHashMap<>();
        List<Skipped> skipped = new ArrayList<>();
        for (String key : m.components) {
            ComponentView c = catalog.get(key);
            if (c.status() == ComponentStatus.OPERATIONAL) {
                continue;
            }
            if (c.status() != ComponentStatus.UNDER_MAINTENANCE) {
                skipped.add(skip(c, "changed_during_window", null));
            } else if (heldElsewhere.containsKey(key)) {
                skipped.add(skip(c, "held_by_another_window", heldElsewhere.get(key)));
            } else {
                statuses.put(key, ComponentStatus.OPERATIONAL);
            }
        }
        StatusChanges applied = catalogService.applyStatuses(statuses, reason, null);
        return new Effect(applied.entries(), views(applied.affectedBy(m.components), m.components), skipped);
    }

    private static Skipped skip(ComponentView c, String why, String window) {
        return new Skipped(c.key(), c.name(), c.status(), why, window);
    }

    /**
     * Maintenance is public information, so its facts are {@code PUBLIC} whenever the window touches
     * a public component; a window on staff systems alone is recorded for staff.
     */
    private static Audience audienceOf(List<String> keys, Map<String, ComponentView> components) {
        return keys.stream().anyMatch(k -> components.get(k).isPublic()) ? Audience.PUBLIC : Audience.STAFF;
    }

    /** The window's components that {@code audience} may see: in public, only the public ones. */
    private static List<Shown> shown(List<String> keys, Map<String, ComponentView> components, Audience audience) {
        return keys.stream()
                .distinct()
                .filter(k -> audience == Audience.STAFF || components.get(k).isPublic())
                .map(k -> new Shown(k, components.get(k).name()))
                .toList();
    }

    /** The views of {@code keys}, refusing with 404 (naming them) any that are not in the catalog. */
    private Map<String, ComponentView> existingComponents(List<String> keys) {
        Map<String, ComponentView> found = views(catalog.affectedBy(keys), keys);
        List<String> unknown = keys.stream().filter(k -> !found.containsKey(k)).toList();
        if (!unknown.isEmpty()) {
            String names = unknown.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", "));
            throw new ProblemException(
                    404,
                    "Not found",
                    (unknown.size() == 1 ? "There is no component with key " : "There are no components with keys ")
                            + names + ". GET /api/components lists them.",
                    Map.of("unknown", unknown));
        }
        return found;
    }

    private static Map<String, ComponentView> views(List<ComponentView> views, Collection<String> keys) {
        Set<String> wanted = Set.copyOf(keys);
        return views.stream()
                .filter(v -> wanted.contains(v.key()))
                .collect(Collectors.toMap(ComponentView::key, Function.identity()));
    }

    private static Maintenance find(String number) {
        return Maintenance.findByNumber(number)
                .orElseThrow(() -> ProblemException.notFound(
                        "There is no maintenance window " + number + ". GET /api/maintenances lists them."));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }
}
