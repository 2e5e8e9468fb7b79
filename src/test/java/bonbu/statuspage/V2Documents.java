package bonbu.statuspage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Statuspage v2 documents of one state in one language, as served: file name → JSON text. */
final class V2Documents {

    static final List<String> FILES = List.of(
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

    static Map<String, String> of(PublicState state, Texts t, String name, String publicUrl) {
        Indicator worst = Indicator.NONE;
        for (var c : state.components()) worst = worst.worse(Indicator.of(c.effectiveStatus()));
        for (var i : state.incidents()) {
            if (i.isActive()) worst = worst.worse(Indicator.impactOf(i.severity()));
        }
        StatuspageJson api = new StatuspageJson(state, t, name, publicUrl + t.prefix() + "/", worst);
        Map<String, String> docs = new LinkedHashMap<>();
        docs.put("summary.json", write(api.summary()));
        docs.put("status.json", write(api.statusDocument()));
        docs.put("components.json", write(api.componentsDocument()));
        docs.put("incidents.json", write(api.incidentsDocument(false)));
        docs.put("incidents/unresolved.json", write(api.incidentsDocument(true)));
        docs.put(
                "scheduled-maintenances.json",
                write(api.maintenancesDocument(List.of("upcoming", "active", "completed"))));
        docs.put("scheduled-maintenances/upcoming.json", write(api.maintenancesDocument(List.of("upcoming"))));
        docs.put("scheduled-maintenances/active.json", write(api.maintenancesDocument(List.of("active"))));
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
