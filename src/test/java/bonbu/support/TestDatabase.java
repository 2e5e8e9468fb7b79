package bonbu.support;

import bonbu.shared.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.nio.file.Path;
import java.util.Map;

/** A real PostgreSQL for the whole test run, under target/, emptied at the start of each run. */
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedDatabase db;

    /** The running test database (started before any Quarkus test). */
    public static EmbeddedDatabase db() {
        return db;
    }

    @Override
    public Map<String, String> start() {
        try {
            if (db == null) {
                db = EmbeddedDatabase.start(Path.of("target", "test-db"), false);
                db.recreateDatabase();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test PostgreSQL", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url",
                db.jdbcUrl(),
                "quarkus.datasource.username",
                EmbeddedDatabase.USER,
                "quarkus.datasource.password",
                "");
    }

    @Override
    public void stop() {
        try {
            if (db != null) db.close();
            db = null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
