package bonbu.task;

import bonbu.shared.LowerCaseEnumConverter;
import jakarta.persistence.Converter;

/** Stores task statuses as their wire values ({@code in_progress}). */
@Converter(autoApply = true)
class TaskStatusConverter extends LowerCaseEnumConverter<TaskStatus> {

    TaskStatusConverter() {
        super(TaskStatus.class);
    }
}
