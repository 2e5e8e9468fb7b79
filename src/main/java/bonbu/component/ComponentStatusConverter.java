package bonbu.component;

import bonbu.shared.LowerCaseEnumConverter;
import jakarta.persistence.Converter;

/** Stores a status as its wire value ({@code major_outage}). */
@Converter(autoApply = true)
class ComponentStatusConverter extends LowerCaseEnumConverter<ComponentStatus> {

    ComponentStatusConverter() {
        super(ComponentStatus.class);
    }
}
