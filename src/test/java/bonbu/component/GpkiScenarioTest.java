package bonbu.component;

import static bonbu.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 17 November 2023 outage on the demo catalog: one shared failure, many services down. */
@QuarkusTest
class GpkiScenarioTest {

    @Test
    void gpkiSignInFailureTakesDownEverythingThatSharesIt() {
        as("commander")
                .body(Map.of("status", "major_outage", "reason", "GPKI sign-in failing since 08:40"))
                .post("/api/components/gpki-auth/status")
                .then()
                .statusCode(200)
                .body("component.effectiveStatus", equalTo("major_outage"))
                .body(
                        "changes.key",
                        hasItems("gpki-auth", "saeol", "gov24", "gov24-certificates", "resident-registration"));
        try {
            for (String key : new String[] {"saeol", "gov24", "gov24-certificates", "resident-registration"}) {
                as("viewer")
                        .get("/api/components/{key}", key)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("operational"))
                        .body("effectiveStatus", equalTo("major_outage"))
                        .body("causes.key", hasItem("gpki-auth"));
            }
            as("viewer")
                    .get("/api/components/local-office-counters")
                    .then()
                    .body("effectiveStatus", equalTo("degraded_performance"))
                    .body("causes[0].key", equalTo("saeol"))
                    .body("causes[1].key", equalTo("gpki-auth"));
            as("viewer")
                    .get("/api/components/family-registration")
                    .then()
                    .body("effectiveStatus", equalTo("operational"));
        } finally {
            as("commander")
                    .body(Map.of("status", "operational", "reason", "recovered"))
                    .post("/api/components/gpki-auth/status")
                    .then()
                    .statusCode(200);
        }
        as("viewer").get("/api/components/saeol").then().body("effectiveStatus", equalTo("operational"));
    }
}
