package bonbu.checklist;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Where the runbooks are. */
@ConfigMapping(prefix = "bonbu.runbooks")
interface RunbookConfig {

    /** The folder of runbook files ({@code *.yaml}), relative to the working directory. */
    @WithDefault("runbooks")
    Path dir();
}
