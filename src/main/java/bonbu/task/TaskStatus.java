package bonbu.task;

import bonbu.shared.Stage;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Where a task stands: open → in_progress → done; blocked (with a reason) and back; cancelled (with a reason). */
public enum TaskStatus implements Stage<TaskStatus> {
    @JsonProperty("open")
    OPEN,
    @JsonProperty("in_progress")
    IN_PROGRESS,
    @JsonProperty("blocked")
    BLOCKED,
    @JsonProperty("done")
    DONE,
    @JsonProperty("cancelled")
    CANCELLED;

    @Override
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS || this == BLOCKED;
    }

    @Override
    public List<TaskStatus> next() {
        return switch (this) {
            case OPEN -> List.of(IN_PROGRESS, BLOCKED, DONE, CANCELLED);
            case IN_PROGRESS -> List.of(BLOCKED, DONE, CANCELLED);
            case BLOCKED -> List.of(IN_PROGRESS, CANCELLED);
            case DONE, CANCELLED -> List.of();
        };
    }

    boolean needsReason() {
        return this == BLOCKED || this == CANCELLED;
    }

    @Override
    public String toString() {
        return value();
    }
}
