package bonbu.task;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** Membership of a staff member in a team. */
@Entity
@Table(name = "team_member")
class TeamMember extends PanacheEntityBase {

    @Embeddable
    record Id(
            @Column(name = "team_key") String team,
            @Column(name = "username") String username) implements Serializable {}

    @EmbeddedId
    Id id;

    @Column(name = "added_at", nullable = false)
    Instant addedAt;

    static List<String> of(String team) {
        return TeamMember.<TeamMember>list("id.team = ?1 order by id.username", team).stream()
                .map(m -> m.id.username())
                .toList();
    }

    static List<String> teamsOf(String username) {
        return TeamMember.<TeamMember>list("id.username = ?1 order by id.team", username).stream()
                .map(m -> m.id.team())
                .toList();
    }
}
