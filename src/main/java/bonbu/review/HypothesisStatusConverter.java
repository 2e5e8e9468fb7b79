package bonbu.review;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores hypothesis statuses as their lower-case wire values. */
@Converter(autoApply = true)
class HypothesisStatusConverter implements AttributeConverter<HypothesisStatus, String> {

    @Override
    public String convertToDatabaseColumn(HypothesisStatus status) {
        return status == null ? null : status.value();
    }

    @Override
    public HypothesisStatus convertToEntityAttribute(String value) {
        return value == null ? null : HypothesisStatus.valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
