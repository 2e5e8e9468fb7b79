package bonbu.incident;

import bonbu.component.ComponentStatus;
import bonbu.incident.command.CommandRole;
import bonbu.incident.command.RoleAssignment;
import bonbu.shared.LocalizedText;
import bonbu.shared.Stage;
import bonbu.shared.problem.DomainException;
import bonbu.shared.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An incident and its lifecycle; the state machine and the rules on roles and links live here. */
@Entity
@Table(name = "incident")
class Incident extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, unique = true)
    String number;

    @Column(name = "title_ko", nullable = false)
    String titleKo;

    @Column(name = "title_en")
    String titleEn;

    @Column(nullable = false)
    IncidentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Severity severity;

    @Column(name = "detected_at", nullable = false)
    Instant detectedAt;

    @Column(name = "declared_at", nullable = false)
    Instant declaredAt;

    @Column(name = "identified_at")
    Instant identifiedAt;

    @Column(name = "mitigated_at")
    Instant mitigatedAt;

    @Column(name = "resolved_at")
    Instant resolvedAt;

    @Column(name = "declared_by", nullable = false)
    String declaredBy;

    @Column(name = "last_update_at", nullable = false)
    Instant lastUpdateAt;

    @Column(name = "cadence_flagged_at")
    Instant cadenceFlaggedAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    /** What giving a role did: the new holder's assignment and who held it until then (null: nobody). */
    record Handover(RoleAssignment assignment, String previous) {}

    /**
     * A new incident under investigation, not yet numbered nor stored. Refuses a detection time
     * in the future.
     */
    static Incident declare(LocalizedText title, Instant detectedAt, String by, Instant now) {
        Instant detected = detectedAt == null ? now : detectedAt;
        if (detected.isAfter(now)) {
            throw new ProblemException(
                    400,
                    "Invalid request",
                    "detectedAt (" + detected + ") is in the future; give the time the problem was first noticed.",
                    Map.of("errors", List.of(Map.of("field", "detectedAt", "message", "must not be in the future"))));
        }
        Incident incident = new Incident();
        incident.titleKo = title.ko();
        incident.titleEn = title.en();
        incident.status = IncidentStatus.INVESTIGATING;
        incident.detectedAt = detected;
        incident.declaredAt = now;
        incident.declaredBy = by;
        incident.lastUpdateAt = now;
        incident.updatedAt = now;
        return incident;
    }

    static Optional<Incident> findByNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    static List<Incident> active() {
        return list("status <> ?1 order by declaredAt", IncidentStatus.RESOLVED);
    }

    LocalizedText title() {
        return new LocalizedText(titleKo, titleEn);
    }

    boolean isActive() {
        return status != IncidentStatus.RESOLVED;
    }

    /**
     * Moves the incident forward (or keeps it where it is, for another update) and records the
     * key times the first time each stage is reached. Going back is refused: reopen instead.
     */
    IncidentStatus moveTo(IncidentStatus next, Instant at) {
        IncidentStatus previous = status;
        if (previous == IncidentStatus.RESOLVED) {
            throw new DomainException(number + " is resolved. Reopen it (POST /api/incidents/" + number
                    + "/reopen with a reason) before publishing further updates.");
        }
        Stage.check(number, previous, next, "it cannot go back to");
        status = next;
        if (next.ordinal() >= IncidentStatus.IDENTIFIED.ordinal() && identifiedAt == null) identifiedAt = at;
        if (next.ordinal() >= IncidentStatus.MONITORING.ordinal() && mitigatedAt == null) mitigatedAt = at;
        if (next == IncidentStatus.RESOLVED) resolvedAt = at;
        updatedAt = at;
        return previous;
    }

    /**
     * The component statuses an update to {@code next} sets: those it gives, and on resolving, its
     * other components back to operational unless another active incident still holds them.
     */
    Map<String, ComponentStatus> statusesOnUpdate(IncidentStatus next, Map<String, ComponentStatus> given) {
        Map<String, ComponentStatus> statuses = new LinkedHashMap<>(given);
        if (next == IncidentStatus.RESOLVED) {
            Set<String> mine = new HashSet<>(IncidentComponent.keysOf(this));
            for (String key : mine) {
                if (!statuses.containsKey(key) && !IncidentComponent.heldByAnotherActive(key, this)) {
                    statuses.put(key, ComponentStatus.OPERATIONAL);
                }
            }
        }
        return statuses;
    }

    /** Adds the components the incident does not affect directly yet. */
    void affect(Collection<String> keys, Instant at) {
        Set<String> mine = new HashSet<>(IncidentComponent.keysOf(this));
        for (String key : keys) {
            if (mine.add(key)) IncidentComponent.add(this, key, at);
        }
    }

    /** Stores a public update as published now; the update cadence starts again. */
    IncidentUpdate publish(
            IncidentStatus as, LocalizedText message, List<Map<String, String>> components, String by, Instant at) {
        IncidentUpdate update = IncidentUpdate.publish(this, as, message, components, by, at);
        lastUpdateAt = at;
        cadenceFlaggedAt = null;
        updatedAt = at;
        return update;
    }

    /** Reopens a resolved incident: it is investigated again. */
    void reopen(Instant at) {
        if (status != IncidentStatus.RESOLVED) {
            throw new DomainException(number + " is " + status + ", not resolved, so there is nothing to reopen.");
        }
        status = IncidentStatus.INVESTIGATING;
        resolvedAt = null;
        lastUpdateAt = at;
        cadenceFlaggedAt = null;
        updatedAt = at;
    }

    /** Sets the severity and records the step in its history. */
    void changeSeverity(Severity next, SeverityChange.How how, String reason, String actor, Instant at) {
        severity = next;
        updatedAt = at;
        SeverityChange.record(this, next, how, reason, actor, at);
    }

    /** Who holds {@code role} now. */
    Optional<RoleAssignment> holder(CommandRole role) {
        return RoleAssignment.current(id, role);
    }

    /**
     * Gives {@code role} to {@code member}; whoever held it is relieved at the same instant, so
     * there is never more than one holder. Null when {@code member} holds it already. A resolved
     * incident is refused: reopen it first.
     */
    Handover handOver(CommandRole role, String member, String by, Instant at) {
        if (!isActive()) {
            throw new DomainException(number + " is resolved; reopen it before changing its command roles.");
        }
        Optional<RoleAssignment> current = holder(role);
        if (current.isPresent() && current.get().isHeldBy(member)) return null;
        current.ifPresent(r -> {
            r.relieve(at);
            // The relief must reach the database before the new holder's row (one current holder).
            getEntityManager().flush();
        });
        updatedAt = at;
        return new Handover(
                RoleAssignment.assume(id, role, member, by, at),
                current.map(r -> r.member).orElse(null));
    }

    /** Gives command to {@code member} when nobody holds it (a reopened incident); null otherwise. */
    RoleAssignment commandIfNobodyDoes(String member, Instant at) {
        if (holder(CommandRole.INCIDENT_COMMANDER).isPresent()) return null;
        return RoleAssignment.assume(id, CommandRole.INCIDENT_COMMANDER, member, member, at);
    }

    /** Relieves the holder of {@code role} (never the commander's) and answers that assignment. */
    RoleAssignment relieve(CommandRole role, Instant at) {
        refuseRelieving(number, role);
        RoleAssignment current = holder(role)
                .orElseThrow(() -> ProblemException.notFound("Nobody holds " + role + " on " + number + "."));
        current.relieve(at);
        updatedAt = at;
        return current;
    }

    /** An active incident always has exactly one commander: the role can be handed over, not given up. */
    static void refuseRelieving(String number, CommandRole role) {
        if (role == CommandRole.INCIDENT_COMMANDER) {
            throw new DomainException("An active incident always has exactly one commander: hand command over with"
                    + " PUT /api/incidents/" + number + "/roles/INCIDENT_COMMANDER instead.");
        }
    }

    /** Links this incident to {@code other}; refuses a link to itself and a second link between the two. */
    void linkTo(Incident other, LinkKind kind, String by, Instant at) {
        if (other.id.equals(id)) {
            throw new DomainException("An incident cannot be linked to itself.");
        }
        if (IncidentLink.exists(this, other)) {
            throw new DomainException(number + " and " + other.number + " are already linked.");
        }
        IncidentLink.create(this, other, kind, by, at);
        updatedAt = at;
        other.updatedAt = at;
    }

    /** Whether the last public update is older than {@code allowed} allows (never for a resolved incident). */
    boolean isUpdateOverdue(Duration allowed, Instant now) {
        return isActive() && lastUpdateAt.plus(allowed).isBefore(now);
    }

    /** Flags a lapsed update cadence once per lapse; answers whether it flagged it now. */
    boolean flagOverdue(Duration allowed, Instant now) {
        if (!lastUpdateAt.plus(allowed).isBefore(now) || cadenceFlaggedAt != null) return false;
        cadenceFlaggedAt = now;
        return true;
    }
}
