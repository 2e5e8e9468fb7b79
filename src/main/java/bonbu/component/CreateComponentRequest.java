package bonbu.component;

import bonbu.shared.LocalizedText;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Adds a component to the catalog. It starts {@code operational} unless a status is given. */
public record CreateComponentRequest(
        @NotBlank(message = "is required")
        @Size(max = 64, message = "must be at most 64 characters")
        @Pattern(
                regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                message = "must be a slug: lower-case letters and digits separated by single hyphens")
        String key,

        @NotNull(message = "is required") @Valid LocalizedText name,
        @NotNull(message = "is required") @Valid LocalizedText group,

        @NotNull(message = "is required: PUBLIC_SERVICE, STAFF_SYSTEM or SHARED_INFRASTRUCTURE")
        ComponentKind kind,

        @NotNull(message = "is required: 1 (national-critical) to 4 (best effort)")
        @Min(value = 1, message = "must be between 1 and 4")
        @Max(value = 4, message = "must be between 1 and 4")
        Integer tier,

        @JsonProperty("public") @NotNull(message = "is required: true to show it on the status page")
        Boolean isPublic,

        @Valid LocalizedText description,
        @Size(max = 50, message = "at most 50 alternatives") List<@NotNull @Valid Alternative> alternatives,
        ComponentStatus status) {}
