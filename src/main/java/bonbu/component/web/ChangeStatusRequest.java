package bonbu.component.web;

import bonbu.component.ComponentStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Sets a component's own status, saying why; the reason goes on the staff timeline. */
record ChangeStatusRequest(
        @NotNull(
                message =
                        "is required: operational, degraded_performance, partial_outage, major_outage or under_maintenance")
        ComponentStatus status,

        @NotBlank(message = "is required: say why, for the timeline") @Size(max = 2000)
        String reason) {}
