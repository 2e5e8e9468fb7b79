package bonbu.component;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/** "downstream depends on upstream", either as a hard requirement or as a source of slowness. */
@Entity
@Table(name = "component_dependency")
class ComponentDependency extends PanacheEntityBase {

    @Embeddable
    record Id(
            @Column(name = "downstream_id") Long downstreamId,
            @Column(name = "upstream_id") Long upstreamId) implements Serializable {}

    @EmbeddedId
    Id id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    DependencyKind kind;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    static Optional<ComponentDependency> between(Component downstream, Component upstream) {
        return findByIdOptional(new Id(downstream.id, upstream.id));
    }
}
