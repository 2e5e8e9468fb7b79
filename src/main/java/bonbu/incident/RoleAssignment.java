package bonbu.incident;

import bonbu.incident.terms.CommandRole;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A command role held by a staff member on an incident, from when to when. */
@Entity
@Table(name = "incident_role")
public class RoleAssignment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "incident_id", nullable = false)
    public Long incidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommandRole role;

    @Column(nullable = false)
    public String member;

    @Column(name = "assigned_by", nullable = false)
    public String assignedBy;

    @Column(name = "assumed_at", nullable = false)
    public Instant assumedAt;

    @Column(name = "relieved_at")
    public Instant relievedAt;

    /** {@code member} takes {@code role} on the incident from {@code at}, given by {@code by}; not yet stored. */
    public static RoleAssignment of(Long incidentId, CommandRole role, String member, String by, Instant at) {
        RoleAssignment r = new RoleAssignment();
        r.incidentId = incidentId;
        r.role = role;
        r.member = member;
        r.assignedBy = by;
        r.assumedAt = at;
        return r;
    }

    /** Whoever holds {@code role} on the incident now. */
    public static Optional<RoleAssignment> current(long incidentId, CommandRole role) {
        return find("incidentId = ?1 and role = ?2 and relievedAt is null", incidentId, role)
                .firstResultOptional();
    }

    /** Every role held on the incident, current or not, in the order they were taken. */
    public static List<RoleAssignment> history(long incidentId) {
        return list("incidentId = ?1 order by assumedAt, id", incidentId);
    }

    /** The holder gives the role up at {@code at}. */
    public void relieve(Instant at) {
        relievedAt = at;
    }

    public boolean isHeldBy(String name) {
        return member.equals(name);
    }
}
