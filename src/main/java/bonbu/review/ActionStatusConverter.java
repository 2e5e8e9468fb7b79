package bonbu.review;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores action statuses as their lower-case wire values. */
@Converter(autoApply = true)
class ActionStatusConverter implements AttributeConverter<ActionStatus, String> {

    @Override
    public String convertToDatabaseColumn(ActionStatus status) {
        return status == null ? null : status.value();
    }

    @Override
    public ActionStatus convertToEntityAttribute(String value) {
        return value == null ? null : ActionStatus.valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
