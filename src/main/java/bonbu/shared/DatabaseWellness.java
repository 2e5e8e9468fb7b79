package bonbu.shared;

import io.agroal.api.AgroalDataSource;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether PostgreSQL answers. Reported under wellness, not readiness: with the database down this
 * replica still serves the public snapshot, and staff writes fail fast with 503 on every replica
 * alike, so a load balancer gains nothing by taking it out of rotation.
 */
@Wellness
@ApplicationScoped
class DatabaseWellness implements HealthCheck {

    @Inject
    AgroalDataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection()) {
            return HealthCheckResponse.named("Database").status(c.isValid(2)).build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("Database")
                    .down()
                    .withData("problem", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
