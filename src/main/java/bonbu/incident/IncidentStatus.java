package bonbu.incident;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where an incident stands; it moves forward only (skips allowed), and back only by reopening. */
public enum IncidentStatus {
    @JsonProperty("investigating")
    INVESTIGATING,
    @JsonProperty("identified")
    IDENTIFIED,
    @JsonProperty("monitoring")
    MONITORING,
    @JsonProperty("resolved")
    RESOLVED;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }
}
