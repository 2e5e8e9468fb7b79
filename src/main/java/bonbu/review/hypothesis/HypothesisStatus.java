package bonbu.review.hypothesis;

import bonbu.shared.Stage;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/** Where a cause hypothesis stands: suspected, then confirmed or refuted; a confirmed one may still be refuted. */
public enum HypothesisStatus implements Stage<HypothesisStatus> {
    @JsonProperty("suspected")
    SUSPECTED,
    @JsonProperty("confirmed")
    CONFIRMED,
    @JsonProperty("refuted")
    REFUTED;

    @Override
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public List<HypothesisStatus> next() {
        return switch (this) {
            case SUSPECTED -> List.of(CONFIRMED, REFUTED);
            case CONFIRMED -> List.of(REFUTED);
            case REFUTED -> List.of();
        };
    }

    @Override
    public String toString() {
        return value();
    }
}
