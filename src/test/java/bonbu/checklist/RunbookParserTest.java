package bonbu.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A broken runbook is refused with its file, its line and what is wrong. */
class RunbookParserTest {

    static final String GOOD = """
            id: sample
            title:
              ko: 예시
              en: Sample
            appliesTo:
              components: [gpki-auth]
            steps:
              - text: {ko: 첫 단계, en: First step}
                role: OPERATIONS_LEAD
                minutes: 10
              - text: {ko: 둘째 단계}
                team: gpki-operations
                minutes: 5
                evidence: true
            """;

    static String failure(String text) {
        return assertThrows(RunbookException.class, () -> RunbookParser.parse("runbooks/broken.yaml", text))
                .getMessage();
    }

    @Test
    void aGoodFileLoads() {
        Runbook r = RunbookParser.parse("runbooks/sample.yaml", GOOD);
        assertEquals("sample", r.id());
        assertEquals(2, r.steps().size());
        assertEquals(15, r.expectedMinutes());
        assertTrue(r.steps().get(1).evidence());
        assertEquals("둘째 단계", r.steps().get(1).text().enOrKo(), "English falls back to Korean");
    }

    @Test
    void anUnknownRoleNamesItsLine() {
        String m = failure(GOOD.replace("role: OPERATIONS_LEAD", "role: FIRE_CHIEF"));
        assertTrue(m.startsWith("runbooks/broken.yaml:9: unknown ICS role 'FIRE_CHIEF'"), m);
    }

    @Test
    void aMisspelledFieldIsRefusedNotIgnored() {
        String m = failure(GOOD.replace("    minutes: 5", "    minuets: 5"));
        assertTrue(m.startsWith("runbooks/broken.yaml:13: unknown field 'minuets' in step 2"), m);
    }

    @Test
    void missingFieldsWrongTypesAndBadYamlAreExplained() {
        assertTrue(failure(GOOD.replace("title:\n  ko: 예시\n  en: Sample\n", ""))
                .contains("missing required field 'title'"));
        assertTrue(failure(GOOD.replace("minutes: 10", "minutes: ten"))
                .startsWith("runbooks/broken.yaml:10: step 1 minutes"));
        assertTrue(failure(GOOD.replace("    role: OPERATIONS_LEAD\n", "")).contains("step 1 needs a role or a team"));
        assertTrue(failure(GOOD.replace("components: [gpki-auth]", "kinds: [DATABASE]"))
                .contains("unknown component kind 'DATABASE'"));
        String yaml = failure(GOOD.replace("title:\n", "title: [\n"));
        assertTrue(yaml.startsWith("runbooks/broken.yaml:") && yaml.contains("not valid YAML"), yaml);
        assertTrue(failure("").contains("empty"));
    }

    @Test
    void twoFilesWithOneIdAreRefused() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "runbook-dup-" + System.nanoTime()));
        Files.writeString(dir.resolve("a.yaml"), GOOD);
        Files.writeString(dir.resolve("b.yaml"), GOOD);
        String m = assertThrows(RunbookException.class, () -> RunbookLibrary.loadAll(dir))
                .getMessage();
        assertTrue(m.contains("b.yaml:1: id 'sample' is already used by") && m.contains("a.yaml"), m);
    }
}
