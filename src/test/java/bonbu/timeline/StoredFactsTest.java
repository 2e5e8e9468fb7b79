package bonbu.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Entries written by the code before facts were typed ({@code stored-by-untyped-code.jsonl}, one
 * row per type and shape, taken from a full test run of that code) must read into their fact
 * records and write back to exactly the same JSON: the hash chain of a database written then,
 * and the entries written from now on, depend on it.
 */
class StoredFactsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyStoredTypeHasOneFactRecord() throws Exception {
        Map<String, Class<?>> facts = factClasses();
        List<String> missing = new ArrayList<>();
        for (JsonNode row : rows(only())) {
            if (!facts.containsKey(row.get("type").asText()))
                missing.add(row.get("type").asText());
        }
        assertEquals(List.of(), missing.stream().distinct().sorted().toList(), "stored types with no fact record");
    }

    @Test
    void storedDataReadsIntoItsFactAndWritesBackUnchanged() throws Exception {
        Map<String, Class<?>> facts = factClasses();
        List<String> differences = new ArrayList<>();
        int checked = 0;
        for (JsonNode row : rows(only())) {
            Class<?> type = facts.get(row.get("type").asText());
            if (type == null) continue;
            Map<String, Object> data = JSON.convertValue(row.get("data"), new TypeReference<>() {});
            Object fact;
            try {
                fact = Facts.readStrictly(row.get("type").asText(), data, type);
            } catch (IllegalArgumentException e) {
                differences.add(row.get("type").asText() + ": does not read: " + e.getMessage());
                continue;
            }
            // Through text, as the database sees it: a long 7 and an int 7 are the same JSON number.
            JsonNode again = JSON.readTree(JSON.writeValueAsString(Facts.data((Fact) fact)));
            if (!again.equals(row.get("data")))
                differences.add(row.get("type").asText() + ":\n  stored  " + row.get("data") + "\n  written " + again);
            checked++;
        }
        assertEquals(List.of(), differences);
        assertTrue(checked > 0 || !only().isEmpty(), "no stored row was checked");
    }

    /** Restricts the check to type prefixes, e.g. {@code -Dfacts.only=task.,team.} while a family is written. */
    private static List<String> only() {
        String only = System.getProperty("facts.only", "");
        return only.isBlank() ? List.of() : List.of(only.split(","));
    }

    private static List<JsonNode> rows(List<String> prefixes) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        try (var in = StoredFactsTest.class.getResourceAsStream("/timeline/stored-by-untyped-code.jsonl")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) continue;
                JsonNode row = JSON.readTree(line);
                String type = row.get("type").asText();
                if (prefixes.isEmpty() || prefixes.stream().anyMatch(type::startsWith)) rows.add(row);
            }
        }
        return rows;
    }

    /** Every class of the main code that carries {@code @Fact.Type}, by its type. */
    static Map<String, Class<?>> factClasses() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target", "classes");
        Map<String, Class<?>> found = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        ClassLoader loader = StoredFactsTest.class.getClassLoader();
        for (Path file : files) {
            String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
            Class<?> c = Class.forName(name, false, loader);
            Fact.Type type = c.getAnnotation(Fact.Type.class);
            if (type == null) continue;
            Class<?> earlier = found.put(type.value(), c);
            if (earlier != null)
                throw new IllegalStateException("Two facts share " + type.value() + ": " + earlier + ", " + c);
        }
        return found;
    }
}
