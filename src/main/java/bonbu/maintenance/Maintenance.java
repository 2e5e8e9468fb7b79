package bonbu.maintenance;

import bonbu.shared.LocalizedText;
import bonbu.shared.Stage;
import bonbu.shared.problem.DomainException;
import bonbu.shared.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A planned window of work on some components, with its own forward-only lifecycle. */
@Entity
@Table(name = "maintenance")
class Maintenance extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, unique = true)
    String number;

    @Column(name = "title_ko", nullable = false)
    String titleKo;

    @Column(name = "title_en")
    String titleEn;

    @Column(name = "message_ko", nullable = false)
    String messageKo;

    @Column(name = "message_en")
    String messageEn;

    @Column(nullable = false)
    MaintenanceStatus status;

    @Column(name = "scheduled_for", nullable = false)
    Instant scheduledFor;

    @Column(name = "scheduled_until", nullable = false)
    Instant scheduledUntil;

    /** When the window went in progress and took its components into maintenance; null if it never did. */
    @Column(name = "started_at")
    Instant startedAt;

    @Column(name = "completed_at")
    Instant completedAt;

    @Column(name = "cancelled_at")
    Instant cancelledAt;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "maintenance_component", joinColumns = @JoinColumn(name = "maintenance_id"))
    @OrderColumn(name = "position")
    @Column(name = "component_key", nullable = false)
    List<String> components = new ArrayList<>();

    @Version
    long version;

    /**
     * A new window in {@code scheduled}, not yet numbered. Refuses a window that ends before it
     * starts or that has already ended.
     */
    static Maintenance plan(
            LocalizedText title,
            List<String> components,
            Instant scheduledFor,
            Instant scheduledUntil,
            LocalizedText message,
            Instant now) {
        if (!scheduledUntil.isAfter(scheduledFor)) {
            throw invalidWindow(
                    "scheduledUntil (" + scheduledUntil + ") must be after scheduledFor (" + scheduledFor
                            + "). Give the time the work ends, later than the time it starts.",
                    Map.of("field", "scheduledFor", "message", "must be before scheduledUntil"),
                    Map.of("field", "scheduledUntil", "message", "must be after scheduledFor"));
        }
        if (!scheduledUntil.isAfter(now)) {
            throw invalidWindow(
                    "scheduledUntil (" + scheduledUntil + ") has already passed (it is now " + now
                            + "). A window that is over cannot be scheduled; give a time in the future.",
                    Map.of("field", "scheduledUntil", "message", "must be in the future"));
        }
        Maintenance m = new Maintenance();
        m.titleKo = title.ko();
        m.titleEn = title.en();
        m.say(message);
        m.components = new ArrayList<>(components);
        m.scheduledFor = scheduledFor;
        m.scheduledUntil = scheduledUntil;
        m.status = MaintenanceStatus.SCHEDULED;
        m.createdAt = now;
        m.updatedAt = now;
        return m;
    }

    static Optional<Maintenance> findByNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    /** Numbers of the windows that should move to {@code to} by {@code now}, earliest first. */
    static List<String> due(MaintenanceStatus to, Instant now) {
        String query = to == MaintenanceStatus.IN_PROGRESS
                ? "select m.number from Maintenance m where m.status = ?1 and m.scheduledFor <= ?2"
                        + " order by m.scheduledFor, m.number"
                : "select m.number from Maintenance m where m.status in ?1 and m.scheduledUntil <= ?2"
                        + " order by m.scheduledUntil, m.number";
        Object statuses = to == MaintenanceStatus.IN_PROGRESS
                ? MaintenanceStatus.SCHEDULED
                : Set.of(MaintenanceStatus.IN_PROGRESS, MaintenanceStatus.VERIFYING);
        return getEntityManager()
                .createQuery(query, String.class)
                .setParameter(1, statuses)
                .setParameter(2, now)
                .getResultList();
    }

    /** For each of {@code keys} held by another active window, that window's number. */
    Map<String, String> keysHeldByOtherWindows() {
        List<Object[]> rows = getEntityManager()
                .createQuery(
                        "select c, m.number from Maintenance m join m.components c"
                                + " where m.status in ?1 and m.id <> ?2 and c in ?3 order by m.number",
                        Object[].class)
                .setParameter(1, Set.of(MaintenanceStatus.IN_PROGRESS, MaintenanceStatus.VERIFYING))
                .setParameter(2, id)
                .setParameter(3, components)
                .getResultList();
        return rows.stream()
                .collect(Collectors.toMap(r -> (String) r[0], r -> (String) r[1], (a, b) -> a, LinkedHashMap::new));
    }

    LocalizedText title() {
        return new LocalizedText(titleKo, titleEn);
    }

    LocalizedText message() {
        return new LocalizedText(messageKo, messageEn);
    }

    /** Replaces what the window tells people. */
    void say(LocalizedText message) {
        messageKo = message.ko();
        messageEn = message.en();
    }

    /** Whether the scheduler should move this window to {@code to} at {@code now}. */
    boolean isDue(MaintenanceStatus to, Instant now) {
        return switch (to) {
            case IN_PROGRESS -> status == MaintenanceStatus.SCHEDULED && !scheduledFor.isAfter(now);
            case COMPLETED -> status.isActive() && !scheduledUntil.isAfter(now);
            default -> false;
        };
    }

    /**
     * Moves the window forward, recording when it started, completed or was cancelled. Refuses a
     * move backward, to the same status, out of {@code completed} or {@code cancelled}, and a
     * cancellation of a window that has already begun.
     */
    void moveTo(MaintenanceStatus to, Instant at) {
        List<MaintenanceStatus> allowed = status.next();
        if (!allowed.contains(to)) {
            throw new DomainException(
                    refusal(to, allowed),
                    Map.of(
                            "current",
                            status.value(),
                            "allowed",
                            allowed.stream().map(MaintenanceStatus::value).toList()));
        }
        switch (to) {
            case IN_PROGRESS -> startedAt = at;
            case COMPLETED -> completedAt = at;
            case CANCELLED -> cancelledAt = at;
            default -> {}
        }
        status = to;
        updatedAt = at;
    }

    private String refusal(MaintenanceStatus to, List<MaintenanceStatus> allowed) {
        String name = "Maintenance " + number;
        if (allowed.isEmpty()) {
            return name + " is " + status + ", so its status cannot change any more. Schedule a new window"
                    + " for further work.";
        }
        String options = "From " + status + " it can move to: " + Stage.allowed(status) + ".";
        if (to == status) {
            return name + " is already " + status + ". " + options;
        }
        if (to == MaintenanceStatus.CANCELLED) {
            return name + " is " + status + ": only a scheduled window can be cancelled, and this one has"
                    + " already begun. " + options;
        }
        return name + " is " + status + " and cannot go back to " + to + ": a window only moves forward. " + options;
    }

    @SafeVarargs
    private static ProblemException invalidWindow(String detail, Map<String, String>... errors) {
        return new ProblemException(400, "Invalid request", detail, Map.of("errors", List.of(errors)));
    }
}
