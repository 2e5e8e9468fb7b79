package bonbu.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every runbook shipped in runbooks/ loads, in Korean and English. */
class RunbookFilesTest {

    @Test
    void everyShippedRunbookIsValidAndBilingual() {
        Map<String, Runbook> runbooks = RunbookLibrary.loadAll(Path.of("runbooks"));
        assertEquals(
                java.util.Set.of(
                        "gpki-signin-failure",
                        "datacentre-network-failure",
                        "citizen-portal-overload",
                        "manual-intake-and-backdating",
                        "first-working-day-after-outage"),
                runbooks.keySet());
        for (Runbook r : runbooks.values()) {
            assertTrue(r.title().en() != null, r.id() + " has an English title");
            assertFalse(r.steps().isEmpty());
            for (Runbook.Step s : r.steps()) {
                assertTrue(s.text().en() != null, r.id() + ": every step in English too");
                assertTrue(s.role() != null || s.team() != null);
            }
            assertTrue(r.version().matches("[0-9a-f]{16}"));
        }
        assertTrue(runbooks.get("gpki-signin-failure").components().contains("gpki-auth"));
    }
}
