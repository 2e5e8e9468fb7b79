package bonbu.task;

import bonbu.shared.LocalizedText;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A named group of staff members who take work together. */
@Entity
@Table(name = "team")
class Team extends PanacheEntityBase {

    @Id
    String key;

    @Column(name = "name_ko", nullable = false)
    String nameKo;

    @Column(name = "name_en")
    String nameEn;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    LocalizedText name() {
        return new LocalizedText(nameKo, nameEn);
    }
}
