package bonbu.review;

import static bonbu.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The timeline's hash chain: recomputed on demand, it finds an entry changed behind the service's back. */
@QuarkusTest
class ChainVerificationTest {

    @Inject
    AgroalDataSource dataSource;

    static JsonPath verifyAll() {
        return as("viewer")
                .get("/api/timeline/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Runs SQL with the append-only refusal switched off, as an intruder with table rights could. */
    void tamper(String sql, long seq) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("ALTER TABLE timeline_entry DISABLE TRIGGER timeline_entry_no_update");
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setLong(1, seq);
                assertEquals(1, p.executeUpdate());
            } finally {
                s.execute("ALTER TABLE timeline_entry ENABLE TRIGGER timeline_entry_no_update");
            }
        }
    }

    static long seqOf(String type, String text) {
        long since = 0;
        long found = -1;
        while (true) {
            JsonPath page = as("viewer")
                    .get("/api/timeline?since={s}&limit=1000", since)
                    .then()
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> entries = page.getList("entries");
            for (Map<String, Object> e : entries) {
                if (type.equals(e.get("type")) && e.toString().contains(text))
                    found = ((Number) e.get("seq")).longValue();
            }
            if (!page.getBoolean("more")) return found;
            since = page.getLong("next");
        }
    }

    @Test
    void anUntouchedLogVerifies() {
        Api.createComponent(Api.uniqueKey("chain"));
        long last = Api.lastSeq();
        JsonPath check = verifyAll();
        assertEquals("OK", check.getString("status"));
        assertEquals(last, check.getLong("lastSeq"));
        assertTrue(check.getLong("entries") >= last);
        assertTrue(check.getString("lastHash").matches("[0-9a-f]{64}"));
        assertNull(check.get("firstBrokenSeq"));
    }

    @Test
    void anEntryAlteredInTheDatabaseIsFoundAndNamed() throws Exception {
        String key = Api.uniqueKey("tamper");
        Api.createComponent(key);
        Api.createComponent(Api.uniqueKey("after"));
        long seq = seqOf("component.created", key);
        assertTrue(seq > 0);
        tamper("UPDATE timeline_entry SET data = data || '{\"tampered\": true}' WHERE seq = ?", seq);
        try {
            JsonPath check = verifyAll();
            assertEquals("BROKEN", check.getString("status"));
            assertEquals(seq, check.getLong("firstBrokenSeq"));
            assertTrue(check.getString("problem").contains("Entry " + seq));
        } finally {
            tamper("UPDATE timeline_entry SET data = data - 'tampered' WHERE seq = ?", seq);
        }
        assertEquals("OK", verifyAll().getString("status"), "put back exactly, it verifies again");
    }

    @Test
    void rewritingAnEntrysHashToMatchBreaksTheNextLink() throws Exception {
        String key = Api.uniqueKey("rehash");
        Api.createComponent(key);
        Api.createComponent(Api.uniqueKey("next"));
        long seq = seqOf("component.created", key);
        String original;
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement("SELECT hash FROM timeline_entry WHERE seq = ?")) {
            p.setLong(1, seq);
            var rs = p.executeQuery();
            rs.next();
            original = rs.getString(1);
        }
        tamper(
                "UPDATE timeline_entry SET actor = 'someone-else', hash = timeline_entry_link((SELECT hash FROM"
                        + " timeline_entry p WHERE p.seq = timeline_entry.seq - 1), seq, at, incident, 'someone-else',"
                        + " type, audience, data, origin) WHERE seq = ?",
                seq);
        try {
            JsonPath check = verifyAll();
            assertEquals("BROKEN", check.getString("status"));
            assertEquals(seq + 1, check.getLong("firstBrokenSeq"), "the next entry no longer follows");
        } finally {
            tamper("UPDATE timeline_entry SET actor = 'admin', hash = '" + original + "' WHERE seq = ?", seq);
        }
        assertEquals("OK", verifyAll().getString("status"));
    }

    @Test
    void anIncidentsOwnEntriesAreVerifiedAgainstTheChain() throws Exception {
        String key = Api.uniqueKey("incchain");
        Api.createComponent(key);
        String number = Api.declare(key, "검증 " + key);
        JsonPath ok = as("viewer")
                .get("/api/incidents/{n}/timeline/verify", number)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("OK", ok.getString("status"));
        assertEquals(number, ok.getString("scope"));
        assertNotNull(ok.getString("lastHash"));
        long declared = seqOf("incident.declared", number);
        tamper("UPDATE timeline_entry SET at = at + interval '1 hour' WHERE seq = ?", declared);
        try {
            JsonPath broken = as("viewer")
                    .get("/api/incidents/{n}/timeline/verify", number)
                    .then()
                    .extract()
                    .jsonPath();
            assertEquals("BROKEN", broken.getString("status"));
            assertEquals(declared, broken.getLong("firstBrokenSeq"));
            assertEquals(
                    "BROKEN",
                    as("viewer")
                            .get("/api/incidents/{n}/timeline", number)
                            .then()
                            .extract()
                            .path("verification.status"));
        } finally {
            tamper("UPDATE timeline_entry SET at = at - interval '1 hour' WHERE seq = ?", declared);
        }
        assertEquals(
                "OK",
                as("viewer")
                        .get("/api/incidents/{n}/timeline/verify", number)
                        .then()
                        .extract()
                        .path("status"));
        as("viewer")
                .get("/api/incidents/{n}/timeline/verify", "INC-1999-9999")
                .then()
                .statusCode(404);
    }
}
