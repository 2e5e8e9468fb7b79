package bonbu.maintenance;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a maintenance status as its wire value ({@code in_progress}). */
@Converter(autoApply = true)
class MaintenanceStatusConverter implements AttributeConverter<MaintenanceStatus, String> {

    @Override
    public String convertToDatabaseColumn(MaintenanceStatus status) {
        return status == null ? null : status.value();
    }

    @Override
    public MaintenanceStatus convertToEntityAttribute(String value) {
        return value == null ? null : MaintenanceStatus.parse(value);
    }
}
