package bonbu.review.hypothesis;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a cause hypothesis stands. */
public enum HypothesisStatus {
    @JsonProperty("suspected")
    SUSPECTED,
    @JsonProperty("confirmed")
    CONFIRMED,
    @JsonProperty("refuted")
    REFUTED;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }
}
