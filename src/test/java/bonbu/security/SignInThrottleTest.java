package bonbu.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.security.account.AccountService;
import bonbu.support.Api;
import bonbu.support.Console;
import bonbu.support.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignInThrottleTest {

    static final String PASSWORD = "a-long-enough-password";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AccountService accounts;

    String newAccount() {
        String name = Api.uniqueKey("throttle");
        accounts.create(name, "Throttle test", PASSWORD, Set.of(Roles.VIEWER), false, "test");
        return name;
    }

    @Test
    void eachFailureAfterTheFifthDoublesTheWaitEvenForTheRightPassword() {
        String name = newAccount();
        long before = Api.lastSeq();
        for (int i = 1; i <= 4; i++) {
            Response r = Console.attempt(name, "wrong-" + i, null);
            assertEquals(401, r.statusCode());
            assertEquals(null, r.header("Retry-After"), "attempt " + i + " is not throttled yet");
        }
        Response fifth = Console.attempt(name, "wrong-5", null);
        assertEquals(401, fifth.statusCode());
        assertEquals("2", fifth.header("Retry-After"));
        assertTrue(fifth.asString().contains("wait 2 seconds"), fifth.asString());

        Response right = Console.attempt(name, PASSWORD, null);
        assertEquals(429, right.statusCode(), "the right password waits too");
        assertEquals("2", right.header("Retry-After"));

        TestClock.advance(Duration.ofSeconds(3));
        assertEquals("4", Console.attempt(name, "wrong-6", null).header("Retry-After"));
        TestClock.advance(Duration.ofSeconds(5));
        assertEquals("8", Console.attempt(name, "wrong-7", null).header("Retry-After"));
        TestClock.advance(Duration.ofSeconds(9));
        assertEquals(303, Console.attempt(name, PASSWORD, null).statusCode());

        List<Map<String, Object>> failures = Api.entriesOfType("security.sign_in_failed", before).stream()
                .filter(e -> name.equals(((Map<?, ?>) e.get("data")).get("username")))
                .toList();
        assertEquals(7, failures.size(), "every failure is recorded; the throttled attempt is not a failure");
        Map<?, ?> last = (Map<?, ?>) failures.get(6).get("data");
        assertEquals("wrong password", last.get("reason"));
        assertEquals(7, last.get("accountFailures"));
        assertEquals(8, last.get("waitSeconds"));
    }

    void forgetAddresses() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM sign_in_throttle WHERE key LIKE 'address:%'");
        }
    }

    @Test
    void manyFailuresFromOneAddressMakeEveryAccountWaitThere() throws Exception {
        String name = newAccount();
        forgetAddresses();
        try {
            // The test profile allows 40 failures per address (other tests' failures come from here too).
            for (int i = 0; i < 40; i++) {
                assertEquals(
                        401,
                        Console.attempt(Api.uniqueKey("nobody"), "guess", null).statusCode());
            }
            Response blocked = Console.attempt(name, PASSWORD, null);
            assertEquals(429, blocked.statusCode());
            assertTrue(blocked.asString().contains("Too many failed sign-ins"));
        } finally {
            forgetAddresses();
        }
        assertEquals(303, Console.attempt(name, PASSWORD, null).statusCode());
    }
}
