package bonbu.incident;

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
class RoleAssignment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "incident_id", nullable = false)
    Long incidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    CommandRole role;

    @Column(nullable = false)
    String member;

    @Column(name = "assigned_by", nullable = false)
    String assignedBy;

    @Column(name = "assumed_at", nullable = false)
    Instant assumedAt;

    @Column(name = "relieved_at")
    Instant relievedAt;

    static Optional<RoleAssignment> current(Incident incident, CommandRole role) {
        return find("incidentId = ?1 and role = ?2 and relievedAt is null", incident.id, role)
                .firstResultOptional();
    }

    static List<RoleAssignment> history(Incident incident) {
        return list("incidentId = ?1 order by assumedAt, id", incident.id);
    }
}
