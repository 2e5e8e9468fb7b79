package bonbu.statuspage.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bonbu.statuspage.PublicState;
import bonbu.statuspage.site.Indicator;
import bonbu.statuspage.site.Texts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Statuspage v2 documents of one state in one language, written by a plain Jackson mapper
 * (not the application's): file name → JSON text.
 */
public final class V2Documents {

    public static final List<String> FILES = List.of(
            "summary.json",
            "status.json",
            "components.json",
            "incidents.json",
            "incidents/unresolved.json",
            "scheduled-maintenances.json",
            "scheduled-maintenances/upcoming.json",
            "scheduled-maintenances/active.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private V2Documents() {}

    public static Map<String, String> of(PublicState state, Texts t, String name, String publicUrl) {
        Map<String, Object> documents =
                StatuspageJson.documents(state, t, name, publicUrl + t.prefix() + "/", Indicator.of(state));
        assertEquals(FILES, List.copyOf(documents.keySet()), "the documents the API serves");
        Map<String, String> docs = new LinkedHashMap<>();
        documents.forEach((file, doc) -> docs.put(file, write(doc)));
        return docs;
    }

    private static String write(Object doc) {
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
