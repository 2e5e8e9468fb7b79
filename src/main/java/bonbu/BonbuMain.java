package bonbu;

import bonbu.shared.embedded.DataDirectoryInUse;
import bonbu.shared.embedded.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Entry point of the packaged service. With no datasource URL configured it first starts the
 * embedded PostgreSQL (outside the {@code prod} profile) and stops it after the service has stopped.
 */
@QuarkusMain
public class BonbuMain implements QuarkusApplication {

    private static final Logger LOG = Logger.getLogger(BonbuMain.class);

    public static void main(String... args) throws java.io.IOException {
        if (args.length > 0 && args[0].equals("hash-password")) {
            System.exit(bonbu.security.account.HashPassword.run());
        }
        String profile = setting("quarkus.profile", "QUARKUS_PROFILE").orElse("prod");
        if (setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL")
                .isPresent()) {
            Quarkus.run(BonbuMain.class, args);
            return;
        }
        if (profile.equals("prod")) {
            System.err.println("""
                    Bonbu refuses to start: the prod profile needs an external PostgreSQL.
                    Set QUARKUS_DATASOURCE_JDBC_URL (e.g. jdbc:postgresql://db.example:5432/bonbu),
                    QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD, or run the demo with
                    -Dquarkus.profile=demo, which starts an embedded PostgreSQL under BONBU_DATA_DIR.""");
            System.exit(2);
        }
        Path dataDir = Path.of(setting("bonbu.data-dir", "BONBU_DATA_DIR").orElse("data"));
        String httpPort = setting("quarkus.http.port", "QUARKUS_HTTP_PORT").orElse("8080");
        EmbeddedDatabase db;
        try {
            db = EmbeddedDatabase.start(dataDir, true, "Bonbu on HTTP port " + httpPort)
                    .serveThisProcess();
        } catch (DataDirectoryInUse e) {
            System.err.println("Bonbu refuses to start: " + e.getMessage());
            System.exit(3);
            return;
        } catch (Exception e) {
            System.err.println("Bonbu could not start the embedded PostgreSQL under " + dataDir.toAbsolutePath() + ": "
                    + e.getMessage());
            System.exit(2);
            return;
        }
        LOG.infof("Embedded PostgreSQL on port %d with data in %s", db.port(), dataDir.toAbsolutePath());
        System.setProperty("quarkus.datasource.jdbc.url", db.jdbcUrl());
        System.setProperty("quarkus.datasource.username", EmbeddedDatabase.USER);
        System.setProperty("quarkus.datasource.password", db.password());

        AtomicReference<EmbeddedDatabase> running = new AtomicReference<>(db);
        Runnable stopDatabase = () -> {
            EmbeddedDatabase current = running.getAndSet(null);
            if (current != null) {
                try {
                    current.close();
                } catch (Exception e) {
                    LOG.warn("Could not stop the embedded PostgreSQL cleanly", e);
                }
            }
        };
        // On SIGTERM the JVM runs shutdown hooks while Quarkus stops; wait for the application to
        // finish (the main thread returns) and only then stop the database under it.
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                main.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopDatabase.run();
        }));
        AtomicReference<Integer> exitCode = new AtomicReference<>(0);
        Quarkus.run(BonbuMain.class, (code, failure) -> exitCode.set(code), args);
        stopDatabase.run();
        if (exitCode.get() != 0) {
            System.exit(exitCode.get());
        }
    }

    @Override
    public int run(String... args) {
        Quarkus.waitForExit();
        return 0;
    }

    private static Optional<String> setting(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
