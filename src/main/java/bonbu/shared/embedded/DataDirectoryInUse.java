package bonbu.shared.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** A second start on a data directory that a running process owns. */
public final class DataDirectoryInUse extends IOException {

    private final Long ownerPid;

    DataDirectoryInUse(Path root, Map<String, String> owner) {
        super(message(root, owner));
        Long pid = null;
        try {
            pid = owner.containsKey("pid") ? Long.parseLong(owner.get("pid")) : null;
        } catch (NumberFormatException e) {
            // leave it unknown
        }
        this.ownerPid = pid;
    }

    /** The process that owns the directory, when it said so. */
    public Optional<Long> ownerPid() {
        return Optional.ofNullable(ownerPid);
    }

    private static String message(Path root, Map<String, String> owner) {
        StringBuilder who = new StringBuilder();
        if (owner.containsKey("version")) who.append(owner.get("version"));
        if (owner.containsKey("pid")) who.append("process ").append(owner.get("pid"));
        if (owner.containsKey("service")) who.append(", ").append(owner.get("service"));
        if (owner.containsKey("postgresPort")) {
            who.append(", PostgreSQL on 127.0.0.1:").append(owner.get("postgresPort"));
        }
        if (owner.containsKey("since")) who.append(", since ").append(owner.get("since"));
        if (who.isEmpty()) who.append("another process that is still starting");
        return "the data directory " + root.toAbsolutePath() + " is in use by " + who
                + ". Stop that instance first, or give this one its own data directory (BONBU_DATA_DIR).";
    }
}
