package bonbu.component.web;

import bonbu.component.DependencyKind;
import jakarta.validation.constraints.NotNull;

/** Makes a component depend on another, as a hard requirement or as a source of slowness. */
record SetDependencyRequest(
        @NotNull(message = "is required: REQUIRED or DEGRADES")
        DependencyKind kind) {}
