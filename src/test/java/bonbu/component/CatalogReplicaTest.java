package bonbu.component;

import static bonbu.support.Api.as;
import static bonbu.support.Api.createComponent;
import static bonbu.support.Api.depend;
import static bonbu.support.Api.uniqueKey;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import bonbu.shared.embedded.EmbeddedDatabase;
import bonbu.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A replica sees catalog changes committed by another replica, without any message between them. */
@QuarkusTest
class CatalogReplicaTest {

    @Test
    void aChangeCommittedElsewhereIsSeenOnTheNextRead() throws Exception {
        String up = uniqueKey("elsewhere-up");
        String down = uniqueKey("elsewhere-down");
        createComponent(up);
        createComponent(down);
        depend(down, up, "REQUIRED");
        as("viewer").get("/api/components/{k}", down).then().body("effectiveStatus", equalTo("operational"));

        // What another replica's status change commits: the row and the catalog revision.
        try (Connection c = DriverManager.getConnection(
                TestDatabase.db().jdbcUrl(),
                EmbeddedDatabase.USER,
                TestDatabase.db().password())) {
            c.setAutoCommit(false);
            try (PreparedStatement ps =
                            c.prepareStatement("UPDATE component SET status = 'partial_outage' WHERE key = ?");
                    Statement s = c.createStatement()) {
                ps.setString(1, up);
                ps.executeUpdate();
                s.executeUpdate("UPDATE catalog_revision SET revision = revision + 1");
            }
            c.commit();
        }

        as("viewer")
                .get("/api/components/{k}", down)
                .then()
                .body("effectiveStatus", equalTo("partial_outage"))
                .body("causes[0].key", equalTo(up));
    }

    @Inject
    CatalogService service;

    @Inject
    Catalog catalog;

    @Inject
    UserTransaction transaction;

    @Test
    void anUncommittedChangeIsSeenByItsOwnTransactionButCachedForNoOne() throws Exception {
        String key = uniqueKey("uncommitted");
        createComponent(key);
        transaction.begin();
        try {
            service.applyStatuses(Map.of(key, ComponentStatus.MAJOR_OUTAGE), "rolled back", null);
            assertEquals(ComponentStatus.MAJOR_OUTAGE, catalog.get(key).status());
        } finally {
            transaction.rollback();
        }
        // The next committed write gets the revision number the rolled-back one had.
        createComponent(uniqueKey("next-write"));
        assertEquals(ComponentStatus.OPERATIONAL, catalog.get(key).status());
        as("viewer").get("/api/components/{k}", key).then().body("status", equalTo("operational"));
    }
}
