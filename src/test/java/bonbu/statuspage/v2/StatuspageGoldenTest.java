package bonbu.statuspage.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bonbu.component.Alternative;
import bonbu.component.ComponentKind;
import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.incident.IncidentStory;
import bonbu.incident.IncidentView;
import bonbu.incident.terms.IncidentStatus;
import bonbu.incident.terms.Requests.ComponentChange;
import bonbu.incident.terms.Severity;
import bonbu.maintenance.MaintenanceStatus;
import bonbu.maintenance.MaintenanceView;
import bonbu.shared.LocalizedText;
import bonbu.statuspage.PublicState;
import bonbu.statuspage.site.Texts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Statuspage v2 documents, byte for byte, for one fixed state that has every shape they can
 * take: groups, null times, Korean-only text, hidden components, open, reopened and resolved
 * incidents, more incidents than the limit, and maintenances in every status. The expected bytes
 * under {@code statuspage/v2-golden/} were written by the map-based code the outside clients were
 * built against; {@code -Dgolden.write=true} writes them again.
 */
class StatuspageGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/statuspage/v2-golden");
    static final Instant T = Instant.parse("2023-11-17T00:40:00Z");

    static LocalizedText text(String ko, String en) {
        return LocalizedText.of(ko, en);
    }

    static ComponentView component(
            String key,
            LocalizedText name,
            LocalizedText group,
            LocalizedText description,
            ComponentStatus own,
            ComponentStatus effective,
            List<ComponentView.Cause> causes,
            Instant createdAt,
            Instant updatedAt) {
        return new ComponentView(
                key,
                name,
                group,
                ComponentKind.PUBLIC_SERVICE,
                1,
                true,
                description,
                List.<Alternative>of(),
                own,
                effective,
                causes,
                updatedAt,
                List.of(),
                List.of(),
                createdAt,
                updatedAt);
    }

    static PublicState state() {
        LocalizedText infra = text("공통 기반", "Shared infrastructure");
        LocalizedText admin = text("행정", "Administration");
        LocalizedText civil = text("민원", null);
        Instant created = Instant.parse("2023-01-02T03:04:05.678Z");
        List<ComponentView> components = List.of(
                component(
                        "gpki-auth",
                        text("GPKI 인증", "GPKI sign-in"),
                        infra,
                        null,
                        ComponentStatus.MAJOR_OUTAGE,
                        ComponentStatus.MAJOR_OUTAGE,
                        List.of(),
                        created,
                        T.plusSeconds(60)),
                component(
                        "saeol",
                        text("새올", "Saeol"),
                        admin,
                        text("지자체 행정 시스템", null),
                        ComponentStatus.OPERATIONAL,
                        ComponentStatus.MAJOR_OUTAGE,
                        List.of(new ComponentView.Cause(
                                "gpki-auth", text("GPKI 인증", "GPKI sign-in"), ComponentStatus.MAJOR_OUTAGE)),
                        created.plusSeconds(1),
                        T.plusSeconds(61)),
                component(
                        "gov24",
                        text("정부24", "Gov24"),
                        civil,
                        text("정부 민원 포털", "Government portal"),
                        ComponentStatus.PARTIAL_OUTAGE,
                        ComponentStatus.PARTIAL_OUTAGE,
                        List.of(),
                        created.plusSeconds(2),
                        T.plusSeconds(5)),
                component(
                        "kiosk",
                        text("무인민원발급기", null),
                        civil,
                        null,
                        ComponentStatus.OPERATIONAL,
                        ComponentStatus.OPERATIONAL,
                        List.of(),
                        null,
                        null),
                component(
                        "hometax",
                        text("홈택스", "Hometax"),
                        admin,
                        null,
                        ComponentStatus.UNDER_MAINTENANCE,
                        ComponentStatus.UNDER_MAINTENANCE,
                        List.of(),
                        created.plusSeconds(3),
                        T.minusSeconds(3600)));

        List<IncidentStory> incidents = new ArrayList<>();
        incidents.add(new IncidentStory(
                "INC-2023-0003",
                text("GPKI 인증 장애", "GPKI sign-in failure"),
                IncidentStatus.IDENTIFIED,
                Severity.SEV2,
                new IncidentView.KeyTimes(T.minusSeconds(600), T, T.plusSeconds(900), null, null),
                T.plusSeconds(1800),
                List.of("gpki-auth", "nirs-network", "saeol"),
                List.of(
                        new IncidentView.Update(
                                12,
                                IncidentStatus.IDENTIFIED,
                                text("원인을 확인했습니다", null),
                                List.of(
                                        new ComponentChange("gpki-auth", ComponentStatus.MAJOR_OUTAGE),
                                        new ComponentChange("nirs-network", ComponentStatus.MAJOR_OUTAGE),
                                        new ComponentChange("saeol", ComponentStatus.PARTIAL_OUTAGE)),
                                "commander",
                                T.plusSeconds(1800)),
                        new IncidentView.Update(
                                11,
                                IncidentStatus.INVESTIGATING,
                                text("조사 중입니다", "Investigating"),
                                List.of(),
                                "commander",
                                T))));
        incidents.add(new IncidentStory(
                "INC-2023-0002",
                text("정부24 지연", "Gov24 slow"),
                IncidentStatus.MONITORING,
                Severity.SEV4,
                new IncidentView.KeyTimes(
                        T.minus(Duration.ofDays(1)),
                        T.minus(Duration.ofDays(1)),
                        null,
                        T.minus(Duration.ofHours(20)),
                        T.minus(Duration.ofHours(22))),
                T.minus(Duration.ofHours(20)),
                List.of(),
                List.of()));
        incidents.add(new IncidentStory(
                "INC-2023-0001",
                text("새올 장애", null),
                IncidentStatus.RESOLVED,
                Severity.SEV1,
                new IncidentView.KeyTimes(
                        T.minus(Duration.ofDays(3)),
                        T.minus(Duration.ofDays(3)).plusMillis(1),
                        T.minus(Duration.ofDays(3)).plusSeconds(60),
                        T.minus(Duration.ofDays(2)),
                        T.minus(Duration.ofDays(2)).plusSeconds(7)),
                T.minus(Duration.ofDays(2)).plusSeconds(7),
                List.of("saeol"),
                List.of(
                        new IncidentView.Update(
                                3,
                                IncidentStatus.RESOLVED,
                                text("해결", "Resolved"),
                                List.of(new ComponentChange("saeol", ComponentStatus.OPERATIONAL)),
                                "commander",
                                T.minus(Duration.ofDays(2)).plusSeconds(7)),
                        new IncidentView.Update(
                                2,
                                IncidentStatus.INVESTIGATING,
                                text("조사", "Looking"),
                                List.of(new ComponentChange("saeol", ComponentStatus.MAJOR_OUTAGE)),
                                "commander",
                                T.minus(Duration.ofDays(3)).plusMillis(1)))));
        for (int n = 50; n >= 1; n--) {
            Instant at = T.minus(Duration.ofDays(10 + n));
            String number = String.format("INC-2022-%04d", n);
            incidents.add(new IncidentStory(
                    number,
                    text("지난 장애 " + n, "Past outage " + n),
                    IncidentStatus.RESOLVED,
                    Severity.SEV3,
                    new IncidentView.KeyTimes(at, at, null, null, at.plusSeconds(3600)),
                    at.plusSeconds(3600),
                    List.of("gov24"),
                    List.of(new IncidentView.Update(
                            1000 + n,
                            IncidentStatus.RESOLVED,
                            text("해결", null),
                            List.of(new ComponentChange("gov24", ComponentStatus.OPERATIONAL)),
                            "commander",
                            at.plusSeconds(3600)))));
        }

        List<MaintenanceView> maintenances = List.of(
                maintenance(
                        "MNT-2023-0001",
                        MaintenanceStatus.COMPLETED,
                        List.of("gpki-auth"),
                        T.minus(Duration.ofDays(5)),
                        T.minus(Duration.ofDays(5)).plusSeconds(1200),
                        T.minus(Duration.ofDays(5)).plusSeconds(1500),
                        text("완료", "Done")),
                maintenance(
                        "MNT-2023-0002",
                        MaintenanceStatus.CANCELLED,
                        List.of("saeol"),
                        T.minus(Duration.ofDays(4)),
                        null,
                        null,
                        text("취소", null)),
                maintenance(
                        "MNT-2023-0003",
                        MaintenanceStatus.IN_PROGRESS,
                        List.of("nirs-network", "hometax"),
                        T.minus(Duration.ofHours(2)),
                        T.minus(Duration.ofHours(1)),
                        null,
                        text("점검 중", "Under way")),
                maintenance(
                        "MNT-2023-0004",
                        MaintenanceStatus.VERIFYING,
                        List.of("nirs-network"),
                        T.minus(Duration.ofHours(1)),
                        T.minus(Duration.ofMinutes(30)),
                        null,
                        text("확인 중", null)),
                maintenance(
                        "MNT-2023-0005",
                        MaintenanceStatus.SCHEDULED,
                        List.of("gov24", "kiosk"),
                        T.plus(Duration.ofDays(1)),
                        null,
                        null,
                        text("점검 예정", null)),
                maintenance(
                        "MNT-2023-0006",
                        MaintenanceStatus.SCHEDULED,
                        List.of("saeol"),
                        T.plus(Duration.ofDays(2)),
                        null,
                        null,
                        null));
        return new PublicState(
                4242,
                T.plusSeconds(3600),
                components,
                incidents,
                maintenances,
                Map.of(),
                LocalDate.of(2023, 11, 17),
                Map.of(),
                Map.of());
    }

    static MaintenanceView maintenance(
            String number,
            MaintenanceStatus status,
            List<String> keys,
            Instant scheduledFor,
            Instant startedAt,
            Instant completedAt,
            LocalizedText message) {
        List<MaintenanceView.ComponentState> states = keys.stream()
                .map(k -> new MaintenanceView.ComponentState(
                        k, text(k, null), ComponentStatus.OPERATIONAL, ComponentStatus.OPERATIONAL))
                .toList();
        return new MaintenanceView(
                number,
                text("점검 " + number, "Maintenance " + number),
                status,
                states,
                scheduledFor,
                scheduledFor.plus(Duration.ofHours(3)),
                startedAt,
                completedAt,
                status == MaintenanceStatus.CANCELLED ? scheduledFor.minusSeconds(60) : null,
                message,
                1);
    }

    @Test
    void everyDocumentIsByteForByteWhatTheClientsWereBuiltAgainst() throws IOException {
        PublicState state = state();
        boolean write = Boolean.getBoolean("golden.write");
        int compared = 0;
        for (Texts t : Texts.values()) {
            String name = t == Texts.KO ? "정부 디지털 서비스 상태" : "Government digital services status";
            Map<String, String> docs = V2Documents.of(state, t, name, "https://status.example.go.kr");
            for (String file : V2Documents.FILES) {
                Path golden = GOLDEN.resolve(t.lang()).resolve(file);
                if (write) {
                    Files.createDirectories(golden.getParent());
                    Files.writeString(golden, docs.get(file), StandardCharsets.UTF_8);
                }
                assertEquals(Files.readString(golden, StandardCharsets.UTF_8), docs.get(file), t.lang() + "/" + file);
                compared++;
            }
        }
        assertEquals(16, compared);
    }
}
