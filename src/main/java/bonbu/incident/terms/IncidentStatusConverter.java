package bonbu.incident.terms;

import bonbu.shared.LowerCaseEnumConverter;
import jakarta.persistence.Converter;

/** Stores an incident status as its wire value ({@code investigating}). */
@Converter(autoApply = true)
class IncidentStatusConverter extends LowerCaseEnumConverter<IncidentStatus> {

    IncidentStatusConverter() {
        super(IncidentStatus.class);
    }
}
