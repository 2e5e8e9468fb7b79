package bonbu.statuspage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bonbu.component.Alternative;
import bonbu.component.Catalog;
import bonbu.component.ComponentKind;
import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.shared.LocalizedText;
import bonbu.timeline.Audience;
import bonbu.timeline.TimelineEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code /ws/public} carries of each kind of public entry, byte for byte, against the
 * messages the map-based projection produced ({@code statuspage/public-entries.jsonl};
 * {@code -Dgolden.write=true} writes them again): hidden components left out, causes named by
 * the chain's far end, keys absent or null exactly as stored.
 */
class PublicProjectionShapesTest {

    static final Path GOLDEN = Path.of("src/test/resources/statuspage/public-entries.jsonl");
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T = Instant.parse("2023-11-17T00:40:00Z");

    static ComponentView component(String key, String ko, boolean isPublic, ComponentStatus effective) {
        return new ComponentView(
                key,
                LocalizedText.of(ko, ko + " (en)"),
                LocalizedText.of("그룹", "Group"),
                ComponentKind.PUBLIC_SERVICE,
                1,
                isPublic,
                null,
                List.<Alternative>of(),
                effective,
                effective,
                List.of(),
                T,
                List.of(),
                List.of(),
                T,
                T);
    }

    static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<TimelineEvent> entries() {
        String[][] rows = {
            {"component.effective_status_changed", "PUBLIC", """
                {"changes":[
                  {"from":"operational","to":"major_outage","causes":["gpki-auth"],"keys":["saeol","hidden-x"]},
                  {"from":"operational","to":"major_outage","causes":["gpki-auth"],"keys":["gov24"]},
                  {"from":"major_outage","to":"operational","causes":["gpki-auth"],"keys":["kiosk"]},
                  {"from":"operational","to":"partial_outage","causes":["gone","far-gone"],"keys":["kiosk"]},
                  {"from":"operational","to":"degraded_performance","causes":["gone2"],"keys":["gov24"]},
                  {"from":"operational","to":"partial_outage","keys":["gov24","saeol"]},
                  {"from":"operational","to":"major_outage","causes":["gpki-auth"],"keys":["hidden-x"]},
                  "not a group",
                  {"from":"operational","to":"major_outage"}],
                 "causeNames":{"far-gone":{"ko":"옛 장비","en":null},"gone2":{"ko":"옛 망","en":"Old net"}}}"""},
            {"component.effective_status_changed", "PUBLIC", "{\"changes\":\"nope\"}"},
            {"component.created", "PUBLIC", """
                {"key":"gov24","name":{"ko":"정부24","en":"Gov24"},"group":{"ko":"민원","en":null},"kind":"PUBLIC_SERVICE","tier":1}"""},
            {"component.created", "PUBLIC", "{\"key\":\"saeol\",\"name\":null,\"tier\":2}"},
            {"component.created", "PUBLIC", "{\"key\":\"hidden-x\",\"name\":{\"ko\":\"숨김\"}}"},
            {"component.updated", "PUBLIC", """
                {"key":"gov24","changes":{"name":{"from":"a","to":"b"},"tier":{"from":1,"to":2},"public":{"from":false,"to":true},"alternatives":[]}}"""},
            {"component.updated", "PUBLIC", "{\"key\":\"saeol\"}"},
            {"component.updated", "PUBLIC", "{\"key\":\"hidden-x\",\"changes\":{\"name\":{}}}"},
            {"incident.declared", "PUBLIC", """
                {"number":"INC-2023-0001","title":{"ko":"장애","en":"Outage"},"status":"investigating","severity":"SEV1",
                 "components":[{"key":"gov24","name":{"ko":"정부24","en":"Gov24"},"status":"major_outage","tier":1},
                               {"key":"hidden-x","name":{"ko":"숨김","en":null},"status":"major_outage"},
                               "odd",{"name":"no key"}],
                 "update":{"id":7,"status":"investigating","message":{"ko":"조사","en":null},"author":"commander",
                           "components":[{"key":"saeol","status":"partial_outage"},{"key":"hidden-x","status":"major_outage"}],
                           "publishedAt":"2023-11-17T00:40:00Z"}}"""},
            {"incident.declared", "PUBLIC", "{\"number\":\"INC-2023-0002\",\"title\":null,\"components\":\"none\"}"},
            {"incident.update_published", "PUBLIC", """
                {"number":"INC-2023-0001","id":8,"status":"identified","message":{"ko":"확인","en":"Found"},
                 "components":[{"key":"gov24","status":"operational","name":{"ko":"정부24","en":null}}],
                 "publishedAt":"2023-11-17T01:00:00Z","previousStatus":"investigating","author":"commander"}"""},
            {
                "incident.update_published",
                "PUBLIC",
                "{\"number\":\"INC-2023-0001\",\"status\":\"monitoring\",\"previousStatus\":null}"
            },
            {
                "incident.status_changed",
                "PUBLIC",
                "{\"number\":\"INC-2023-0001\",\"from\":\"identified\",\"to\":\"resolved\",\"reason\":\"staff only\"}"
            },
            {"incident.status_changed", "PUBLIC", "{\"number\":\"INC-2023-0001\",\"to\":null}"},
            {
                "incident.cause_published",
                "PUBLIC",
                "{\"cause\":{\"ko\":\"L4 스위치\",\"en\":\"L4 switch\"},\"hypothesisId\":3}"
            },
            {"incident.cause_published", "PUBLIC", "{\"hypothesisId\":4}"},
            {"maintenance.scheduled", "PUBLIC", """
                {"number":"MNT-2023-0001","title":{"ko":"점검","en":"Work"},"status":"scheduled",
                 "scheduledFor":"2023-11-18T00:00:00Z","scheduledUntil":"2023-11-18T02:00:00Z","message":null,
                 "components":[{"key":"gov24","name":{"ko":"정부24","en":"Gov24"}},{"key":"hidden-x","name":{"ko":"숨김"}}]}"""},
            {"maintenance.status_changed", "PUBLIC", """
                {"number":"MNT-2023-0001","title":{"ko":"점검","en":"Work"},"from":"scheduled","to":"in_progress","message":"지금",
                 "components":[{"key":"saeol","name":{"ko":"새올","en":null}}],"skipped":[{"key":"saeol","heldBy":"MNT-2023-0002"}]}"""},
            {"maintenance.status_changed", "PUBLIC", "{\"number\":\"MNT-2023-0002\",\"to\":\"cancelled\"}"},
            {"incident.severity_changed", "PUBLIC", "{\"severity\":\"SEV2\",\"reason\":\"x\"}"},
            {"task.assigned", "STAFF", "{\"id\":1}"},
            {"incident.role_assigned", "PUBLIC", null},
        };
        List<TimelineEvent> events = new ArrayList<>();
        long seq = 100;
        for (String[] row : rows) {
            seq++;
            events.add(new TimelineEvent(
                    seq,
                    T.plusSeconds(seq),
                    seq % 2 == 0 ? "INC-2023-0001" : null,
                    "commander",
                    row[0],
                    Audience.valueOf(row[1]),
                    row[2] == null ? null : parse(row[2])));
        }
        return events;
    }

    static PublicProjection projection(List<ComponentView> catalog) {
        PublicProjection projection = new PublicProjection();
        projection.catalog = new Catalog() {
            @Override
            public List<ComponentView> all() {
                return catalog;
            }
        };
        return projection;
    }

    @Test
    void eachPublicEntryCarriesExactlyWhatItDidAsMaps() throws Exception {
        List<ComponentView> catalog = List.of(
                component("gpki-auth", "GPKI 인증", false, ComponentStatus.MAJOR_OUTAGE),
                component("saeol", "새올", true, ComponentStatus.MAJOR_OUTAGE),
                component("gov24", "정부24", true, ComponentStatus.PARTIAL_OUTAGE),
                component("kiosk", "무인발급기", true, ComponentStatus.OPERATIONAL),
                component("hidden-x", "숨김", false, ComponentStatus.MAJOR_OUTAGE));
        StringBuilder lines = new StringBuilder();
        for (PublicProjection.PublicEntry e : projection(catalog).project(entries())) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("seq", e.seq());
            message.put("type", e.type());
            message.put("at", e.at().toString());
            message.put("incident", e.incident());
            message.put("data", e.data());
            lines.append(JSON.writeValueAsString(message)).append('\n');
        }
        if (Boolean.getBoolean("golden.write")) Files.writeString(GOLDEN, lines, StandardCharsets.UTF_8);
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), lines.toString());
    }
}
