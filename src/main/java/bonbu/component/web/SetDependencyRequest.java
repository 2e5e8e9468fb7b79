package bonbu.component;

import jakarta.validation.constraints.NotNull;

/** Makes a component depend on another, as a hard requirement or as a source of slowness. */
public record SetDependencyRequest(
        @NotNull(message = "is required: REQUIRED or DEGRADES")
        DependencyKind kind) {}
