package bonbu.component;

import bonbu.shared.LocalizedText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A channel citizens can use while a component is down: what it is, how to use it, where, and
 * when it is open. {@code component} optionally names the catalog component that provides it, so
 * its own status can be shown beside it.
 */
public record Alternative(
        @NotNull(message = "an alternative needs a name") @Valid
        LocalizedText name,

        @Valid LocalizedText howTo,

        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL")
        String url,

        @Valid LocalizedText hours,
        @Size(max = 64) String component) {}
