package bonbu.console;

import bonbu.component.ComponentStatus;
import bonbu.incident.terms.CommandRole;
import bonbu.incident.terms.IncidentStatus;
import io.quarkus.qute.TemplateData;
import java.util.Arrays;
import java.util.List;

/** Bilingual labels of the console's choices, in the console's "한국어 English" style. */
final class Labels {

    /** One choice of a select: its wire value and what the person reads. */
    @TemplateData
    record Option(String value, String label) {}

    private Labels() {}

    static String of(ComponentStatus s) {
        return switch (s) {
                    case OPERATIONAL -> "정상";
                    case DEGRADED_PERFORMANCE -> "성능 저하";
                    case PARTIAL_OUTAGE -> "부분 장애";
                    case MAJOR_OUTAGE -> "전면 장애";
                    case UNDER_MAINTENANCE -> "점검 중";
                }
                + " " + s.value();
    }

    static String of(IncidentStatus s) {
        return switch (s) {
                    case INVESTIGATING -> "조사 중";
                    case IDENTIFIED -> "원인 파악";
                    case MONITORING -> "모니터링";
                    case RESOLVED -> "해결";
                }
                + " " + s.value();
    }

    static String of(CommandRole r) {
        return switch (r) {
                    case INCIDENT_COMMANDER -> "지휘관";
                    case OPERATIONS_LEAD -> "운영 책임";
                    case PLANNING_LEAD -> "계획 책임";
                    case LOGISTICS_LEAD -> "지원 책임";
                    case COMMUNICATIONS_LEAD -> "대외 소통 책임";
                    case LIAISON -> "연락관";
                }
                + " " + r.name();
    }

    static List<Option> componentStatuses() {
        return Arrays.stream(ComponentStatus.values())
                .map(s -> new Option(s.value(), of(s)))
                .toList();
    }

    static List<Option> incidentStatuses() {
        return Arrays.stream(IncidentStatus.values())
                .map(s -> new Option(s.value(), of(s)))
                .toList();
    }

    static List<Option> roles() {
        return Arrays.stream(CommandRole.values())
                .map(r -> new Option(r.name(), of(r)))
                .toList();
    }
}
