package bonbu.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Migrations are safe for a rolling upgrade (docker/README.md, "Upgrades and migrations"): while
 * the roll lasts, replicas of the previous release run against the migrated schema, so a release
 * only adds (expand). Dropping, renaming, changing a column's type or making it NOT NULL without a
 * default (contract) breaks them, and is allowed only in a later release, once no replica of the
 * release before runs, by listing the migration in {@link #CONTRACTING}.
 */
class MigrationRulesTest {

    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");

    /** V1 to V9 were written before rolling upgrades were supported, and are not checked. */
    private static final int FIRST_CHECKED = 10;

    /**
     * Contracting migrations that were released only after no replica of the previous release ran,
     * each with why that was so. Empty so far.
     */
    private static final Set<String> CONTRACTING = Set.of();

    private static final List<Pattern> BREAKING = List.of(
            Pattern.compile("\\bdrop\\s+table\\b"),
            Pattern.compile("\\bdrop\\s+column\\b"),
            Pattern.compile(
                    "\\balter\\s+table\\s+(if\\s+exists\\s+)?(only\\s+)?[\\w.\"]+\\s+drop\\s+(?!constraint|default)\\w+"),
            Pattern.compile("\\brename\\b"),
            Pattern.compile("\\balter\\s+column\\s+[\\w\"]+\\s+(set\\s+data\\s+)?type\\b"),
            Pattern.compile("\\bset\\s+not\\s+null\\b"));

    private static final Pattern VERSION = Pattern.compile("^V(\\d+)__.+\\.sql$");

    @Test
    void migrationsOnlyExpandTheSchema() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path file : migrations()) {
            Matcher v = VERSION.matcher(file.getFileName().toString());
            assertTrue(v.matches(), "migration name " + file.getFileName() + " is V<n>__<what>.sql");
            if (Integer.parseInt(v.group(1)) < FIRST_CHECKED
                    || CONTRACTING.contains(file.getFileName().toString())) {
                continue;
            }
            checked++;
            for (String statement : statements(Files.readString(file))) {
                String problem = problem(statement);
                if (problem != null)
                    problems.add(file.getFileName() + ": " + abbreviate(statement) + "  (" + problem + ")");
            }
        }
        assertTrue(
                problems.isEmpty(),
                "Migrations from V" + FIRST_CHECKED + " on must only add to the schema while the previous release"
                        + " still runs (" + checked + " checked); see docker/README.md:\n  "
                        + String.join("\n  ", problems));
    }

    @Test
    void theRulesRecogniseWhatBreaksTheRunningRelease() {
        assertEquals(1, breaking("alter table incident drop column title_en;"));
        assertEquals(1, breaking("ALTER TABLE incident RENAME COLUMN title TO headline;"));
        assertEquals(1, breaking("alter table task alter column priority type integer using 1;"));
        assertEquals(1, breaking("alter table task alter column due_at set not null;"));
        assertEquals(1, breaking("drop table old_things;"));
        assertEquals(1, breaking("alter table task add column weight int not null;"));
        assertEquals(0, breaking("alter table task add column weight int not null default 1;"));
        assertEquals(0, breaking("alter table task add column note text, add constraint x check (true);"));
        assertEquals(0, breaking("create table session (id uuid primary key, created_at timestamptz not null);"));
        assertEquals(0, breaking("-- drop column later\ncreate index task_due on task (due_at);"));
    }

    private static int breaking(String sql) {
        return (int) statements(sql).stream().filter(s -> problem(s) != null).count();
    }

    /** Why a statement would break the release still running, or null. */
    private static String problem(String statement) {
        for (Pattern p : BREAKING) {
            if (p.matcher(statement).find()) return "drops, renames or narrows what the previous release uses";
        }
        if (!addedColumnsNotNullWithoutDefault(statement).isEmpty()) {
            return "a new NOT NULL column needs a DEFAULT: the previous release inserts without it";
        }
        return null;
    }

    /** {@code ADD [COLUMN] … NOT NULL} actions of an ALTER TABLE that give no DEFAULT. */
    private static List<String> addedColumnsNotNullWithoutDefault(String statement) {
        List<String> found = new ArrayList<>();
        if (!statement.startsWith("alter table")) return found;
        for (String action : topLevelCommas(statement)) {
            String a = action.trim();
            int add = a.indexOf("add ");
            if (add < 0) continue;
            String rest = a.substring(add + 4).trim();
            if (rest.matches("^(constraint|primary|foreign|unique|check)\\b.*")) continue;
            if (rest.contains("not null") && !rest.contains("default")) found.add(a);
        }
        return found;
    }

    private static List<String> topLevelCommas(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** Statements in lower case with comments, string literals and dollar-quoted bodies removed. */
    private static List<String> statements(String sql) {
        String s = sql.replaceAll("(?s)\\$(\\w*)\\$.*?\\$\\1\\$", "''") // function bodies
                .replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("--[^\\n]*", " ")
                .replaceAll("'(?:[^']|'')*'", "''")
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ");
        List<String> out = new ArrayList<>();
        for (String part : s.split(";")) {
            if (!part.isBlank()) out.add(part.trim());
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 140 ? s.substring(0, 140) + "…" : s;
    }

    private static List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }
}
