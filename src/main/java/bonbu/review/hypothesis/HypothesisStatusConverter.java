package bonbu.review.hypothesis;

import bonbu.shared.LowerCaseEnumConverter;
import jakarta.persistence.Converter;

/** Stores hypothesis statuses as their wire values ({@code suspected}). */
@Converter(autoApply = true)
class HypothesisStatusConverter extends LowerCaseEnumConverter<HypothesisStatus> {

    HypothesisStatusConverter() {
        super(HypothesisStatus.class);
    }
}
