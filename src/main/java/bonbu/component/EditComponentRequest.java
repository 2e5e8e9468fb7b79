package bonbu.component;

import bonbu.shared.LocalizedText;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Changes some of a component's descriptive fields (a merge patch): fields left out stay as they
 * are; {@code alternatives}, when given, replaces the whole list. The key cannot change, and the
 * status changes only through its own endpoint.
 */
public record EditComponentRequest(
        String key,
        @Valid LocalizedText name,
        @Valid LocalizedText group,
        ComponentKind kind,

        @Min(value = 1, message = "must be between 1 and 4") @Max(value = 4, message = "must be between 1 and 4")
        Integer tier,

        @JsonProperty("public") Boolean isPublic,
        @Valid LocalizedText description,
        @Size(max = 50, message = "at most 50 alternatives") List<@NotNull @Valid Alternative> alternatives,
        ComponentStatus status) {}
