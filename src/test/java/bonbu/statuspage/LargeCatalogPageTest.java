package bonbu.statuspage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.component.ComponentKind;
import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.shared.LocalizedText;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The front page of a national catalog (11,000 components) stays usable. */
@QuarkusTest
class LargeCatalogPageTest {

    static final int COMPONENTS = 11_000;
    static final int GROUPS = 50;

    @Inject
    SiteRenderer renderer;

    static PublicState nationalCatalog() {
        Instant at = Instant.parse("2023-11-17T00:10:00Z");
        List<ComponentView> components = new ArrayList<>();
        LocalizedText gpki = new LocalizedText("행정전자서명(GPKI) 인증", "GPKI sign-in");
        for (int i = 0; i < COMPONENTS; i++) {
            int group = i % GROUPS;
            // Every 7th component of group 42 (and only there) is down, through the shared sign-in.
            boolean down = group == 42 && i % 7 == 0;
            components.add(new ComponentView(
                    "service-" + i,
                    new LocalizedText("민원 서비스 " + i, "Service " + i),
                    new LocalizedText("분류 " + group, "Group " + group),
                    ComponentKind.PUBLIC_SERVICE,
                    3,
                    true,
                    null,
                    List.of(),
                    ComponentStatus.OPERATIONAL,
                    down ? ComponentStatus.MAJOR_OUTAGE : ComponentStatus.OPERATIONAL,
                    down
                            ? List.of(new ComponentView.Cause("gpki-auth", gpki, ComponentStatus.MAJOR_OUTAGE))
                            : List.of(),
                    at,
                    List.of(),
                    List.of(),
                    at,
                    at));
        }
        return new PublicState(
                1, at, components, List.of(), List.of(), Map.of(), LocalDate.of(2023, 11, 17), Map.of(), Map.of());
    }

    @Test
    void troubleComesFirstAndOnlyAffectedGroupsStartOpen() {
        long started = System.nanoTime();
        Site site = renderer.render(nationalCatalog(), false, Instant.parse("2023-11-17T00:10:00Z"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        Resource home = site.get("/");
        String html = new String(home.body(), StandardCharsets.UTF_8);
        System.out.printf(
                "11,000 components: whole site rendered in %d ms; front page %d KiB, gzipped %d KiB%n",
                millis, home.body().length / 1024, home.gzip().length / 1024);

        List<String> groups = new ArrayList<>();
        Matcher m = Pattern.compile("<details class=\"group\"[^>]*>").matcher(html);
        while (m.find()) groups.add(m.group());
        assertEquals(GROUPS, groups.size());
        assertTrue(
                groups.get(0).contains("data-status=\"major_outage\"")
                        && groups.get(0).endsWith(" open>"),
                "the group with trouble comes first, open: " + groups.get(0));
        assertEquals(1, groups.stream().filter(g -> g.endsWith(" open>")).count(), "the other 49 start collapsed");

        int firstGroupEnd = html.indexOf("</details>");
        String first = html.substring(html.indexOf(groups.get(0)), firstGroupEnd);
        int lastDown = first.lastIndexOf("data-status=\"major_outage\"");
        int firstUp = first.indexOf("data-status=\"operational\"", first.indexOf("<ul class=\"rows\">"));
        assertTrue(lastDown < firstUp, "non-operational components first within the group");
        assertTrue(first.contains("원인: 행정전자서명(GPKI) 인증"));
        assertTrue(html.contains("id=\"component-search\""), "a search box");
        assertFalse(html.contains("<script>alert"));
    }
}
