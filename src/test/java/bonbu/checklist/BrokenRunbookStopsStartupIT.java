package bonbu.checklist;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.shared.embedded.EmbeddedDatabase;
import bonbu.support.PackagedService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged service refuses to start with a broken runbook, naming its file and line. */
class BrokenRunbookStopsStartupIT {

    @Test
    void aBrokenRunbookStopsTheStartWithItsFileAndLine() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "broken-runbooks"));
        Files.writeString(
                dir.resolve("broken.yaml"), RunbookParserTest.GOOD.replace("role: OPERATIONS_LEAD", "role: CHIEF"));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(Path.of("target", "it-db-runbooks"), false)) {
            db.recreateDatabase();
            PackagedService service = PackagedService.start(
                    db,
                    "broken-runbook",
                    "chief",
                    "broken-runbook-secret",
                    Map.of("BONBU_RUNBOOKS_DIR", dir.toString()));
            int exit = service.awaitExit(Duration.ofSeconds(120));
            assertNotEquals(0, exit, "it must not start");
            String log = service.log();
            assertTrue(log.contains("broken-runbooks/broken.yaml:9: unknown ICS role 'CHIEF'"), log);
        }
    }
}
