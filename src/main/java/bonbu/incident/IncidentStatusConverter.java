package bonbu.incident;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Stores an incident status as its wire value ({@code investigating}). */
@Converter(autoApply = true)
class IncidentStatusConverter implements AttributeConverter<IncidentStatus, String> {

    @Override
    public String convertToDatabaseColumn(IncidentStatus status) {
        return status == null ? null : status.value();
    }

    @Override
    public IncidentStatus convertToEntityAttribute(String value) {
        return value == null ? null : IncidentStatus.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
