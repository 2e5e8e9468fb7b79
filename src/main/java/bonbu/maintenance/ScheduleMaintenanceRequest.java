package bonbu.maintenance;

import bonbu.shared.LocalizedText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Plans a maintenance window on some components; it starts {@code scheduled}. */
record ScheduleMaintenanceRequest(
        @NotNull(message = "is required") @Valid LocalizedText title,

        @NotNull(message = "is required: the keys of the components the work takes down")
        @Size(min = 1, max = 200, message = "must list between 1 and 200 component keys")
        List<@NotBlank(message = "must be a component key") String> components,

        @NotNull(message = "is required: when the work starts, as an ISO-8601 instant such as 2026-03-01T18:00:00Z")
        Instant scheduledFor,

        @NotNull(message = "is required: when the work ends, as an ISO-8601 instant such as 2026-03-01T20:00:00Z")
        Instant scheduledUntil,

        @NotNull(message = "is required: what citizens should know about the work") @Valid
        LocalizedText message) {}
