package bonbu.maintenance;

import static bonbu.maintenance.Windows.componentStatus;
import static bonbu.maintenance.Windows.entriesAbout;
import static bonbu.maintenance.Windows.status;
import static bonbu.support.Api.as;
import static bonbu.support.Api.createComponent;
import static bonbu.support.Api.lastSeq;
import static bonbu.support.Api.uniqueKey;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import bonbu.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The same window moved from several places at once is moved exactly once. */
@QuarkusTest
class MaintenanceConcurrencyTest {

    private static final int ATTEMPTS = 6;

    @Inject
    MaintenanceService maintenance;

    private final Windows windows = new Windows();

    @AfterEach
    void closeOpenWindows() {
        windows.settle();
    }

    @Test
    void concurrentManualMovesStartTheWindowOnceAndRefuseTheRest() throws Exception {
        String key = uniqueKey("mnt-race");
        createComponent(key);
        String number = windows.schedule(ofHours(1), ofHours(1), key);
        long before = lastSeq();
        List<Integer> codes = all(() -> as("commander")
                .body(Map.of("status", "in_progress"))
                .post("/api/maintenances/{n}/status", number)
                .then()
                .extract()
                .statusCode());
        assertEquals(1, codes.stream().filter(c -> c == 200).count(), "answers: " + codes);
        assertEquals(ATTEMPTS - 1, codes.stream().filter(c -> c == 409).count(), "answers: " + codes);
        assertEquals(
                1, entriesAbout(before, "maintenance.status_changed", number).size());
        assertEquals("in_progress", status(number));
        assertEquals("under_maintenance", componentStatus(key));
    }

    @Test
    void schedulersOnSeveralReplicasStartAWindowOnce() throws Exception {
        String key = uniqueKey("mnt-replicas");
        createComponent(key);
        String number = windows.schedule(ofMinutes(1), ofMinutes(30), key);
        // Taken before the clock moves: the service's own scheduler may start the window first,
        // and then it is one more replica racing the others.
        long before = lastSeq();
        TestClock.advance(ofMinutes(2));
        all(maintenance::advance);
        assertEquals(
                1, entriesAbout(before, "maintenance.status_changed", number).size());
        assertEquals("in_progress", status(number));
        assertEquals("under_maintenance", componentStatus(key));
    }

    /** Runs {@code task} from several threads released at the same moment; answers their results. */
    private static <T> List<T> all(Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(ATTEMPTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get());
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
