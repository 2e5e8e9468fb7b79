package bonbu.live;

import static bonbu.support.Api.as;
import static bonbu.support.Api.lastSeq;
import static bonbu.support.LiveTestClient.seq;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.statuspage.PublicSite;
import bonbu.support.LiveTestClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The anonymous websocket is one more view of what the public page shows: whatever happens to
 * the components the page hides, its messages name no component and no cause that {@code /},
 * {@code /en/} and the v2 summary do not show.
 */
@QuarkusTest
class PublicFeedTellsNoMoreThanThePageTest {

    private static final Pattern ROW_KEY = Pattern.compile("data-key=\"([^\"]+)\"");

    @TestHTTPResource("/ws/public")
    URI publicUri;

    @TestHTTPResource("/ws/console")
    URI consoleUri;

    /** Component keys and texts the public site showed at some point of the scenario. */
    private final Set<String> shownKeys = new TreeSet<>();

    private final StringBuilder shownText = new StringBuilder();

    @Test
    void thePublicFeedNamesNoComponentOrCauseBeyondThePublicPageWhileHiddenComponentsFail() throws Exception {
        List<Map<String, Object>> catalog = as("viewer")
                .get("/api/components")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        Set<String> allKeys = new LinkedHashSet<>();
        Set<String> hidden = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (Map<String, Object> c : catalog) {
            String key = (String) c.get("key");
            allKeys.add(key);
            if (!Boolean.TRUE.equals(c.get("public"))) hidden.add(key);
            if (c.get("name") instanceof Map<?, ?> name) {
                if (name.get("ko") instanceof String ko) names.add(ko);
                if (name.get("en") instanceof String en) names.add(en);
            }
        }
        assertTrue(
                hidden.containsAll(List.of("nirs-network", "gpki-auth", "saeol")),
                "the demo catalog hides the network, GPKI sign-in and Saeol: " + hidden);

        long start = lastSeq();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String number;
        try (LiveTestClient anonymous = LiveTestClient.connect(publicUri, start, null, null);
                LiveTestClient staff = LiveTestClient.connect(consoleUri, start, "viewer", null)) {
            // GPKI sign-in fails and is declared.
            number = as("commander")
                    .body(Map.of(
                            "title", Map.of("ko", "투영 시험 " + run, "en", "Projection test " + run),
                            "components", List.of(Map.of("key", "gpki-auth", "status", "major_outage")),
                            "message", Map.of("ko", "조사 중입니다.", "en", "We are investigating.")))
                    .post("/api/incidents")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("number");
            capturePublicSite(number);

            // An update eases GPKI sign-in and sets Saeol (hidden) and Gov24 (public) themselves.
            as("comms")
                    .body(Map.of(
                            "status",
                            "identified",
                            "message",
                            Map.of("ko", "복구 중입니다.", "en", "Recovering."),
                            "components",
                            List.of(
                                    Map.of("key", "gpki-auth", "status", "partial_outage"),
                                    Map.of("key", "saeol", "status", "major_outage"),
                                    Map.of("key", "gov24", "status", "partial_outage"))))
                    .post("/api/incidents/{n}/updates", number)
                    .then()
                    .statusCode(201);
            capturePublicSite(number);

            // The network under everything fails, then recovers, outside any incident: for a while
            // it is what Gov24 suffers from.
            setStatus("nirs-network", "major_outage");
            capturePublicSite(number);
            setStatus("nirs-network", "operational");
            capturePublicSite(number);

            // Resolved: everything the incident held returns to operational.
            as("commander")
                    .body(Map.of(
                            "status",
                            "resolved",
                            "message",
                            Map.of("ko", "정상화되었습니다.", "en", "Back to normal."),
                            "components",
                            List.of(
                                    Map.of("key", "gpki-auth", "status", "operational"),
                                    Map.of("key", "saeol", "status", "operational"),
                                    Map.of("key", "gov24", "status", "operational"))))
                    .post("/api/incidents/{n}/updates", number)
                    .then()
                    .statusCode(201);
            capturePublicSite(number);

            long end = lastSeq();
            List<Map<String, Object>> entries = as("viewer")
                    .get("/api/timeline?since={s}&limit=1000", start)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("entries");
            List<Long> publicSeqs = entries.stream()
                    .filter(e -> "PUBLIC".equals(e.get("audience")))
                    .map(e -> ((Number) e.get("seq")).longValue())
                    .filter(s -> s <= end)
                    .toList();
            assertTrue(
                    entries.stream().anyMatch(e -> String.valueOf(e).contains("gpki-auth")),
                    "the stored timeline names the hidden components: the scenario touched them");

            List<Map<String, Object>> publicSeen = new ArrayList<>();
            long lastPublic = publicSeqs.get(publicSeqs.size() - 1);
            anonymous.await(m -> seq(m) >= lastPublic, publicSeen, 20);
            publicSeen.addAll(anonymous.drain(300));
            // A client resuming with ?since= afterwards is replayed the very same messages.
            List<Map<String, Object>> replayed = new ArrayList<>();
            try (LiveTestClient resumed = LiveTestClient.connect(publicUri, start, null, null)) {
                resumed.await(m -> seq(m) >= lastPublic, replayed, 20);
            }
            assertEquals(
                    publicSeen.stream().filter(m -> seq(m) <= lastPublic).toList(),
                    replayed,
                    "the replay after ?since= is the live feed, message for message");
            List<Map<String, Object>> staffSeen = new ArrayList<>();
            staff.await(m -> seq(m) >= end, staffSeen, 20);

            // Still one public message per public entry, in order, in the same envelope.
            assertEquals(
                    publicSeqs,
                    publicSeen.stream()
                            .map(LiveTestClient::seq)
                            .filter(s -> s <= end)
                            .toList(),
                    "exactly the public entries, in order");
            for (Map<String, Object> m : publicSeen) {
                assertTrue(m.keySet().containsAll(List.of("seq", "type", "at", "data")), m.toString());
                assertFalse(m.containsKey("actor") || m.containsKey("audience"), m.toString());
            }
            assertTrue(
                    publicSeen.stream()
                            .anyMatch(m -> "incident.update_published".equals(m.get("type"))
                                    && number.equals(m.get("incident"))
                                    && String.valueOf(m.get("data")).contains("gov24")),
                    "the public feed carried the update and the public component it set: " + publicSeen);
            assertTrue(
                    publicSeen.stream()
                            .anyMatch(m -> "component.effective_status_changed".equals(m.get("type"))
                                    && String.valueOf(m.get("data")).contains("gov24-certificates")),
                    "the public feed carried the propagated public statuses");

            // Nothing beyond the public site: no component key, no component name it did not show.
            Set<String> keysSent = new TreeSet<>();
            Set<String> namesSent = new TreeSet<>();
            for (Map<String, Object> m : publicSeen) {
                for (String s : strings(m)) {
                    if (allKeys.contains(s)) keysSent.add(s);
                    if (names.contains(s)) namesSent.add(s);
                }
            }
            Set<String> keysBeyond = new TreeSet<>(keysSent);
            keysBeyond.removeAll(shownKeys);
            assertTrue(keysBeyond.isEmpty(), "keys the public site never showed: " + keysBeyond);
            Set<String> namesBeyond = new TreeSet<>();
            for (String name : namesSent) {
                if (shownText.indexOf(name) < 0) namesBeyond.add(name);
            }
            assertTrue(namesBeyond.isEmpty(), "names the public site never showed: " + namesBeyond);
            assertTrue(
                    namesSent.contains("행정전자서명(GPKI) 인증") && namesSent.contains("GPKI sign-in"),
                    "the hidden sign-in is named as the page names it, as the cause: " + namesSent);

            // Staff still get the whole entries, hidden components included.
            assertTrue(
                    staffSeen.stream()
                            .anyMatch(m -> "incident.declared".equals(m.get("type"))
                                    && String.valueOf(m.get("data")).contains("gpki-auth")),
                    "the console feed keeps the full entry");
        }
    }

    private static void setStatus(String key, String status) {
        as("responder")
                .body(Map.of("status", status, "reason", "projection test"))
                .post("/api/components/{k}/status", key)
                .then()
                .statusCode(200);
        as("viewer").get("/api/components/{k}", key).then().statusCode(200).body("status", equalTo(status));
    }

    /** Waits for the public site to include every change so far, then records what it shows. */
    private void capturePublicSite(String number) {
        PublicSite.awaitSnapshot();
        for (String path : List.of("/", "/en/", "/incidents/" + number, "/en/incidents/" + number)) {
            String html = given().get(path).then().statusCode(200).extract().asString();
            Matcher rows = ROW_KEY.matcher(html);
            if (path.equals("/") || path.equals("/en/")) {
                while (rows.find()) shownKeys.add(rows.group(1));
            }
            shownText.append(unescape(html)).append('\n');
        }
        for (String path : List.of("/api/v2/summary.json", "/en/api/v2/summary.json")) {
            String body = given().get(path).then().statusCode(200).extract().asString();
            JsonPath json = JsonPath.from(body);
            shownKeys.addAll(json.getList("components.findAll { !it.group }.id", String.class));
            shownText.append(body).append('\n');
        }
    }

    private static String unescape(String html) {
        return html.replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** Every string in a parsed JSON message: values and field names alike. */
    private static List<String> strings(Object node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(Object node, List<String> out) {
        if (node instanceof String s) {
            out.add(s);
        } else if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.add(String.valueOf(e.getKey()));
                collect(e.getValue(), out);
            }
        } else if (node instanceof List<?> list) {
            for (Object o : list) collect(o, out);
        }
    }
}
