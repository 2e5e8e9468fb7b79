package bonbu.support;

import bonbu.shared.embedded.EmbeddedDatabase;
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
                "bonbu.runbooks.dir",
                testRunbooks(),
                "quarkus.datasource.jdbc.url",
                db.jdbcUrl(),
                "quarkus.datasource.username",
                EmbeddedDatabase.USER,
                "quarkus.datasource.password",
                db.password());
    }

    /** A copy of runbooks/ under target/, which tests may change without touching the real files. */
    private static String testRunbooks() {
        Path dir = Path.of("target", "test-runbooks");
        try {
            java.nio.file.Files.createDirectories(dir);
            try (var files = java.nio.file.Files.list(Path.of("runbooks"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                    java.nio.file.Files.copy(
                            f, dir.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not copy the runbooks for the tests", e);
        }
        return dir.toString();
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
