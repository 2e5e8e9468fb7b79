package bonbu.review.action;

import bonbu.shared.LowerCaseEnumConverter;
import jakarta.persistence.Converter;

/** Stores follow-up action statuses as their wire values ({@code in_progress}). */
@Converter(autoApply = true)
class ActionStatusConverter extends LowerCaseEnumConverter<ActionStatus> {

    ActionStatusConverter() {
        super(ActionStatus.class);
    }
}
