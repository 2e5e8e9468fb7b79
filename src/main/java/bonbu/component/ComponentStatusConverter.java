package bonbu.component;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a status as its wire value ({@code major_outage}). */
@Converter(autoApply = true)
class ComponentStatusConverter implements AttributeConverter<ComponentStatus, String> {

    @Override
    public String convertToDatabaseColumn(ComponentStatus status) {
        return status == null ? null : status.value();
    }

    @Override
    public ComponentStatus convertToEntityAttribute(String value) {
        return value == null ? null : ComponentStatus.parse("status", value);
    }
}
