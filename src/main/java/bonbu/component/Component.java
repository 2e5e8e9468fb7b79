package bonbu.component;

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
