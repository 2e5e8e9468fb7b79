package bonbu.shared;

import bonbu.shared.embedded.EmbeddedDatabase;
import io.agroal.api.AgroalDataSource;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Whether PostgreSQL answers. Reported under wellness, not readiness: with the database down this
 * replica still serves the public snapshot, and staff writes fail fast with 503 on every replica
 * alike, so a load balancer gains nothing by taking it out of rotation. On the embedded database it
 * also says whether the server is being started again after it died, and how often that happened.
 */
@Wellness
@ApplicationScoped
class DatabaseWellness implements HealthCheck {

    @Inject
    AgroalDataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("Database");
        EmbeddedDatabase.serving().ifPresent(db -> {
            answer.withData("embeddedRestarts", db.restarts());
            db.downSince().ifPresent(since -> answer.withData("embeddedRestartingSince", since.toString()));
        });
        try (Connection c = dataSource.getConnection()) {
            return answer.status(c.isValid(2)).build();
        } catch (SQLException e) {
            return answer.down()
                    .withData("problem", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
