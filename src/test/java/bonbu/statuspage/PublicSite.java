package bonbu.statuspage;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.Api;
import io.restassured.response.Response;
import java.util.Map;

/** Helpers for public-page tests: wait for the snapshot to catch up, and read pages. */
public final class PublicSite {

    private PublicSite() {}

    /** Waits until the public snapshot includes every entry committed so far. */
    public static long awaitSnapshot() {
        long wanted = Api.lastSeq();
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            String seq = given().get("/api/v2/status.json").header("X-Bonbu-Seq");
            if (seq != null && Long.parseLong(seq) >= wanted) return wanted;
            sleep(50);
        }
        throw new AssertionError("the public snapshot did not reach seq " + wanted + " within 15 s");
    }

    static String page(String path) {
        return given().get(path).then().statusCode(200).extract().asString();
    }

    /** The HTML of one component's row on a front page: from its key to its history bar. */
    static String row(String html, String key) {
        int start = html.indexOf("data-key=\"" + key + "\"");
        assertTrue(start >= 0, "no row for " + key);
        int end = html.indexOf("class=\"history", start);
        return html.substring(start, end);
    }

    static Response get(String path, Map<String, String> headers) {
        return given().headers(headers).redirects().follow(false).get(path);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
