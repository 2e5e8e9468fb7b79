package bonbu.incident;

import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.incident.terms.CommandRole;
import bonbu.incident.terms.IncidentStatus;
import bonbu.incident.terms.LinkKind;
import bonbu.incident.terms.Severity;
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
import java.util.function.Predicate;
import java.util.stream.Collectors;

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

    /**
     * What giving a role did: the new holder's assignment (not yet stored) and the assignment it
     * relieved (null: nobody held the role).
     */
    record Handover(RoleAssignment assignment, RoleAssignment relieved) {}

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
     * The component statuses an update to {@code next} sets: those it gives, and on resolving, the
     * incident's other components ({@code mine}) back to operational unless {@code heldElsewhere}
     * (another active incident still holds them).
     */
    static Map<String, ComponentStatus> statusesOnUpdate(
            IncidentStatus next,
            Map<String, ComponentStatus> given,
            Collection<String> mine,
            Predicate<String> heldElsewhere) {
        Map<String, ComponentStatus> statuses = new LinkedHashMap<>(given);
        if (next == IncidentStatus.RESOLVED) {
            for (String key : new HashSet<>(mine)) {
                if (!statuses.containsKey(key) && !heldElsewhere.test(key)) {
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
            IncidentStatus as, LocalizedText message, Map<String, ComponentStatus> components, String by, Instant at) {
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

    /**
     * Raises the severity when the affected components ({@code affected}, direct and through
     * dependencies) now imply worse, recording why; never lowers it. Null when it stays.
     */
    IncidentFact.SeverityRaised raiseFor(List<ComponentView> affected, String actor, Instant at) {
        Severity derived = Severity.derive(affected);
        if (!derived.isWorseThan(severity)) return null;
        Severity previous = severity;
        String because = affected.stream()
                .filter(c -> Severity.of(c.tier(), c.effectiveStatus()) == derived)
                .map(ComponentView::key)
                .collect(Collectors.joining(", "));
        changeSeverity(
                derived,
                SeverityChange.How.RAISED,
                "Affected components now imply " + derived + " (" + because + ")",
                actor,
                at);
        return new IncidentFact.SeverityRaised(previous, derived, because);
    }

    /** Who holds {@code role} now. */
    Optional<RoleAssignment> holder(CommandRole role) {
        return RoleAssignment.current(id, role);
    }

    /**
     * Gives {@code role} to {@code member}; {@code current} (null: nobody), who held it, is relieved
     * at the same instant, so there is never more than one holder. Null when {@code member} holds it
     * already. A resolved incident is refused: reopen it first.
     */
    Handover handOver(CommandRole role, String member, RoleAssignment current, String by, Instant at) {
        if (!isActive()) {
            throw new DomainException(number + " is resolved; reopen it before changing its command roles.");
        }
        if (current != null && current.isHeldBy(member)) return null;
        if (current != null) current.relieve(at);
        updatedAt = at;
        return new Handover(RoleAssignment.of(id, role, member, by, at), current);
    }

    /** Command for {@code member} when nobody holds it ({@code commander} null, as on reopening); else null. */
    RoleAssignment commandIfNobodyDoes(RoleAssignment commander, String member, Instant at) {
        return commander != null ? null : RoleAssignment.of(id, CommandRole.INCIDENT_COMMANDER, member, member, at);
    }

    /**
     * Relieves {@code current}, the holder of {@code role} (null: nobody, a 404); never the
     * commander, who can only be handed over.
     */
    void relieve(CommandRole role, RoleAssignment current, Instant at) {
        refuseRelieving(number, role);
        if (current == null) throw ProblemException.notFound("Nobody holds " + role + " on " + number + ".");
        current.relieve(at);
        updatedAt = at;
    }

    /** An active incident always has exactly one commander: the role can be handed over, not given up. */
    static void refuseRelieving(String number, CommandRole role) {
        if (role == CommandRole.INCIDENT_COMMANDER) {
            throw new DomainException("An active incident always has exactly one commander: hand command over with"
                    + " PUT /api/incidents/" + number + "/roles/INCIDENT_COMMANDER instead.");
        }
    }

    /**
     * Links this incident to {@code other} (the link is not yet stored); refuses a link to itself
     * and a second link between the two ({@code alreadyLinked}).
     */
    IncidentLink linkTo(Incident other, boolean alreadyLinked, LinkKind kind, String by, Instant at) {
        if (other.id.equals(id)) {
            throw new DomainException("An incident cannot be linked to itself.");
        }
        if (alreadyLinked) {
            throw new DomainException(number + " and " + other.number + " are already linked.");
        }
        updatedAt = at;
        other.updatedAt = at;
        return IncidentLink.of(this, other, kind, by, at);
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
