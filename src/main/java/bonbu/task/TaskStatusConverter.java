package bonbu.task;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores task statuses as their lower-case wire values. */
@Converter(autoApply = true)
class TaskStatusConverter implements AttributeConverter<TaskStatus, String> {

    @Override
    public String convertToDatabaseColumn(TaskStatus status) {
        return status == null ? null : status.value();
    }

    @Override
    public TaskStatus convertToEntityAttribute(String value) {
        return value == null ? null : TaskStatus.valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
