package bonbu.component;

import bonbu.component.ComponentFact.Change;
import bonbu.component.ComponentFact.Changes;
import bonbu.component.graph.ComponentRecord;
import bonbu.shared.LocalizedText;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A service or system that can fail, with its own (directly set) status. */
@Entity
@Table(name = "component")
class Component extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, unique = true)
    String key;

    @Column(name = "name_ko", nullable = false)
    String nameKo;

    @Column(name = "name_en")
    String nameEn;

    @Column(name = "group_ko", nullable = false)
    String groupKo;

    @Column(name = "group_en")
    String groupEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    ComponentKind kind;

    @Column(nullable = false)
    int tier;

    @Column(name = "is_public", nullable = false)
    boolean isPublic;

    @Column(name = "description_ko")
    String descriptionKo;

    @Column(name = "description_en")
    String descriptionEn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    List<Alternative> alternatives = new ArrayList<>();

    @Column(nullable = false)
    ComponentStatus status;

    @Column(name = "status_changed_at", nullable = false)
    Instant statusChangedAt;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    static Optional<Component> findByKey(String key) {
        return find("key", key).firstResultOptional();
    }

    LocalizedText name() {
        return new LocalizedText(nameKo, nameEn);
    }

    LocalizedText group() {
        return new LocalizedText(groupKo, groupEn);
    }

    LocalizedText description() {
        return descriptionKo == null ? null : new LocalizedText(descriptionKo, descriptionEn);
    }

    void rename(LocalizedText name) {
        nameKo = name.ko();
        nameEn = name.en();
    }

    void regroup(LocalizedText group) {
        groupKo = group.ko();
        groupEn = group.en();
    }

    void describe(LocalizedText description) {
        descriptionKo = description == null ? null : description.ko();
        descriptionEn = description == null ? null : description.en();
    }

    /** An immutable copy for the in-memory catalog. */
    ComponentRecord record() {
        return new ComponentRecord(
                id,
                key,
                name(),
                group(),
                kind,
                tier,
                isPublic,
                description(),
                List.copyOf(alternatives),
                status,
                statusChangedAt,
                createdAt,
                updatedAt);
    }

    /**
     * Applies the fields of an edit that differ from what is stored (a merge patch) and answers
     * each change from what to what; fields left out, or given as they are, stay out.
     */
    Changes edit(EditComponentRequest request) {
        Change<LocalizedText> toName = null, toGroup = null, toDescription = null;
        Change<ComponentKind> toKind = null;
        Change<Integer> toTier = null;
        Change<Boolean> toPublic = null;
        Change<List<Alternative>> toAlternatives = null;
        if (request.name() != null && !request.name().equals(name())) {
            toName = new Change<>(name(), request.name());
            rename(request.name());
        }
        if (request.group() != null && !request.group().equals(group())) {
            toGroup = new Change<>(group(), request.group());
            regroup(request.group());
        }
        if (request.kind() != null && request.kind() != kind) {
            toKind = new Change<>(this.kind, request.kind());
            kind = request.kind();
        }
        if (request.tier() != null && request.tier() != tier) {
            toTier = new Change<>(tier, request.tier());
            tier = request.tier();
        }
        if (request.isPublic() != null && request.isPublic() != isPublic) {
            toPublic = new Change<>(isPublic, request.isPublic());
            isPublic = request.isPublic();
        }
        if (request.description() != null && !request.description().equals(description())) {
            toDescription = new Change<>(description(), request.description());
            describe(request.description());
        }
        if (request.alternatives() != null && !request.alternatives().equals(alternatives)) {
            toAlternatives = new Change<>(List.copyOf(alternatives), List.copyOf(request.alternatives()));
            alternatives = new ArrayList<>(request.alternatives());
        }
        return new Changes(toName, toGroup, toKind, toTier, toPublic, toDescription, toAlternatives);
    }

    /** Sets the component's own status; answers whether anything changed. */
    boolean changeStatus(ComponentStatus newStatus, Instant at) {
        if (newStatus == status) {
            return false;
        }
        status = newStatus;
        statusChangedAt = at;
        updatedAt = at;
        return true;
    }
}
