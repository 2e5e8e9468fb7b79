package bonbu.review.action;

import bonbu.shared.Stage;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/** Where a follow-up action stands: open → in_progress → done, or cancelled (with a note). */
public enum ActionStatus implements Stage<ActionStatus> {
    @JsonProperty("open")
    OPEN,
    @JsonProperty("in_progress")
    IN_PROGRESS,
    @JsonProperty("done")
    DONE,
    @JsonProperty("cancelled")
    CANCELLED;

    @Override
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }

    @Override
    public List<ActionStatus> next() {
        return switch (this) {
            case OPEN -> List.of(IN_PROGRESS, DONE, CANCELLED);
            case IN_PROGRESS -> List.of(DONE, CANCELLED);
            case DONE, CANCELLED -> List.of();
        };
    }

    @Override
    public String toString() {
        return value();
    }
}
