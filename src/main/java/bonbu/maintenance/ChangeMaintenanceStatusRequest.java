package bonbu.maintenance;

import bonbu.shared.LocalizedText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Moves a maintenance window by hand; a message, when given, replaces what the window tells people. */
record ChangeMaintenanceStatusRequest(
        @NotNull(message = "is required: in_progress, verifying, completed or cancelled")
        MaintenanceStatus status,

        @Valid LocalizedText message) {}
