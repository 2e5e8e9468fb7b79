package bonbu.incident.terms;

import bonbu.shared.Stage;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Where an incident stands; it moves forward only (skips allowed), and back only by reopening. */
public enum IncidentStatus implements Stage<IncidentStatus> {
    @JsonProperty("investigating")
    INVESTIGATING,
    @JsonProperty("identified")
    IDENTIFIED,
    @JsonProperty("monitoring")
    MONITORING,
    @JsonProperty("resolved")
    RESOLVED;

    @Override
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** This status (another update) or any later one; nothing once resolved: that takes a reopening. */
    @Override
    public List<IncidentStatus> next() {
        return this == RESOLVED ? List.of() : List.of(values()).subList(ordinal(), values().length);
    }

    @Override
    public String toString() {
        return value();
    }
}
