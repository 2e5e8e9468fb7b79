package bonbu.incident;

import static bonbu.component.ComponentStatus.DEGRADED_PERFORMANCE;
import static bonbu.component.ComponentStatus.MAJOR_OUTAGE;
import static bonbu.component.ComponentStatus.OPERATIONAL;
import static bonbu.component.ComponentStatus.PARTIAL_OUTAGE;
import static bonbu.component.ComponentStatus.UNDER_MAINTENANCE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import bonbu.component.ComponentKind;
import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.incident.terms.Severity;
import bonbu.shared.LocalizedText;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeverityTest {

    private static ComponentView component(int tier, ComponentStatus effective) {
        LocalizedText name = new LocalizedText("c", null);
        return new ComponentView(
                "c" + tier,
                name,
                name,
                ComponentKind.PUBLIC_SERVICE,
                tier,
                true,
                null,
                List.of(),
                OPERATIONAL,
                effective,
                List.of(),
                null,
                List.of(),
                List.of(),
                null,
                null);
    }

    @Test
    void tierAndStatusGiveTheSeverity() {
        assertEquals(Severity.SEV1, Severity.of(1, MAJOR_OUTAGE));
        assertEquals(Severity.SEV1, Severity.of(1, PARTIAL_OUTAGE));
        assertEquals(Severity.SEV2, Severity.of(1, DEGRADED_PERFORMANCE));
        assertEquals(Severity.SEV2, Severity.of(2, MAJOR_OUTAGE));
        assertEquals(Severity.SEV2, Severity.of(2, PARTIAL_OUTAGE));
        assertEquals(Severity.SEV3, Severity.of(2, DEGRADED_PERFORMANCE));
        assertEquals(Severity.SEV3, Severity.of(3, MAJOR_OUTAGE));
        assertEquals(Severity.SEV4, Severity.of(3, DEGRADED_PERFORMANCE));
        assertEquals(Severity.SEV4, Severity.of(4, MAJOR_OUTAGE));
        assertEquals(Severity.SEV4, Severity.of(1, OPERATIONAL));
        assertEquals(Severity.SEV2, Severity.of(1, UNDER_MAINTENANCE), "maintenance counts as degraded");
    }

    @Test
    void theWorstAffectedComponentDecides() {
        assertEquals(
                Severity.SEV1,
                Severity.derive(
                        List.of(component(4, MAJOR_OUTAGE), component(1, PARTIAL_OUTAGE), component(3, MAJOR_OUTAGE))));
        assertEquals(
                Severity.SEV3,
                Severity.derive(List.of(component(2, DEGRADED_PERFORMANCE), component(4, MAJOR_OUTAGE))));
        assertEquals(Severity.SEV4, Severity.derive(List.of()));
    }
}
