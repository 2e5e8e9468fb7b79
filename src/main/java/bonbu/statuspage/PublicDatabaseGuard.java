package bonbu.statuspage;

import io.agroal.api.AgroalPoolInterceptor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;

/**
 * Counts database connections taken while a public request is being served
 * ({@code bonbu_public_db_queries_total}): the proof that public pages cost the database nothing.
 * It stays at zero unless someone adds a query to the public path.
 */
@ApplicationScoped
class PublicDatabaseGuard implements AgroalPoolInterceptor {

    private static final ThreadLocal<Boolean> SERVING = new ThreadLocal<>();

    @Inject
    MeterRegistry registry;

    private volatile Counter queries;

    void enter() {
        SERVING.set(Boolean.TRUE);
    }

    void exit() {
        SERVING.remove();
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        if (SERVING.get() != null) counter().increment();
    }

    Counter counter() {
        Counter c = queries;
        if (c == null) {
            c = Counter.builder("bonbu.public.db.queries")
                    .description("Database connections taken while serving a public request (should stay 0)")
                    .register(registry);
            queries = c;
        }
        return c;
    }
}
