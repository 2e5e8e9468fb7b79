package bonbu.task;

import static bonbu.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.security.account.AccountService;
import bonbu.support.Api;
import bonbu.support.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class TaskApiTest {

    @Inject
    TaskService tasks;

    @Inject
    AccountService accounts;

    @Inject
    AgroalDataSource dataSource;

    public static String declare() {
        String key = Api.uniqueKey("task");
        Api.createComponent(key);
        return Api.declare(key, "작업 " + key);
    }

    static String team(String... members) {
        String key = Api.uniqueKey("team");
        as("admin")
                .body(Map.of(
                        "key",
                        key,
                        "name",
                        Map.of("ko", "데이터센터 운영", "en", "Data-centre operations"),
                        "members",
                        List.of(members)))
                .post("/api/teams")
                .then()
                .statusCode(201)
                .body("members", equalTo(List.of(members)));
        return key;
    }

    public static long task(String number, Map<String, Object> body) {
        return as("commander")
                .body(body)
                .post("/api/incidents/{n}/tasks", number)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    static JsonPath move(String who, String number, long id, String status, String reason) {
        Map<String, Object> body =
                reason == null ? Map.of("status", status) : Map.of("status", status, "reason", reason);
        return as(who).body(body)
                .post("/api/incidents/{n}/tasks/{id}/status", number, id)
                .then()
                .extract()
                .jsonPath();
    }

    @Test
    void adminsManageTeams() {
        String key = team("responder");
        as("admin")
                .put("/api/teams/{k}/members/{u}", key, "comms")
                .then()
                .statusCode(200)
                .body("members", hasItems("comms", "responder"));
        as("admin")
                .delete("/api/teams/{k}/members/{u}", key, "comms")
                .then()
                .statusCode(200)
                .body("members", equalTo(List.of("responder")));
        as("viewer").get("/api/teams").then().statusCode(200).body("key", hasItem(key));
        as("commander").put("/api/teams/{k}/members/{u}", key, "comms").then().statusCode(403);
        as("admin")
                .body(Map.of("key", key, "name", Map.of("ko", "중복")))
                .post("/api/teams")
                .then()
                .statusCode(409);
        as("admin")
                .put("/api/teams/{k}/members/{u}", key, "nobody-at-all")
                .then()
                .statusCode(400);
    }

    @Test
    void aTaskIsClaimedWorkedBlockedAndDone() {
        String number = declare();
        String team = team("responder");
        long id = task(
                number,
                Map.of(
                        "title", "L4 스위치 교체",
                        "description", "대전 센터 2층",
                        "team", team,
                        "priority", "P1",
                        "dueAt", TestClock.now().plus(Duration.ofHours(2)).toString()));
        // Nobody assigned yet: the team's members see it as theirs to take.
        as("responder").get("/api/tasks?assignee=me").then().statusCode(200).body("id", hasItem((int) id));
        as("responder")
                .post("/api/incidents/{n}/tasks/{id}/claim", number, id)
                .then()
                .statusCode(200)
                .body("assignee", equalTo("responder"));
        assertEquals(
                "in_progress",
                move("responder", number, id, "in_progress", null).getString("status"));
        as("responder")
                .body(Map.of("status", "blocked"))
                .post("/api/incidents/{n}/tasks/{id}/status", number, id)
                .then()
                .statusCode(400)
                .body("detail", containsString("say why"));
        JsonPath blocked = move("responder", number, id, "blocked", "vendor engineer not on site");
        assertEquals("blocked", blocked.getString("status"));
        assertEquals("vendor engineer not on site", blocked.getString("reason"));
        move("responder", number, id, "in_progress", null);
        assertEquals("done", move("responder", number, id, "done", null).getString("status"));
        as("responder")
                .body(Map.of("status", "in_progress"))
                .post("/api/incidents/{n}/tasks/{id}/status", number, id)
                .then()
                .statusCode(409)
                .body("detail", containsString("Allowed now: none"));
        assertFalse(as("responder")
                .get("/api/tasks")
                .then()
                .extract()
                .jsonPath()
                .getList("id")
                .contains((int) id));

        List<String> types = as("viewer")
                .get("/api/incidents/{n}/timeline?type=task", number)
                .then()
                .extract()
                .jsonPath()
                .getList("days.entries.flatten().type");
        assertEquals(
                List.of(
                        "task.created",
                        "task.claimed",
                        "task.status_changed",
                        "task.status_changed",
                        "task.status_changed",
                        "task.status_changed"),
                types);
    }

    @Test
    void commandersReassignAndTheListShowsMostUrgentFirst() {
        String number = declare();
        long p3 = task(number, Map.of("title", "공지 초안", "assignee", "comms", "priority", "P3"));
        long p1 = task(number, Map.of("title", "인증 서버 재시작", "assignee", "comms", "priority", "P1"));
        List<Integer> ids = as("comms")
                .get("/api/tasks?assignee=me")
                .then()
                .extract()
                .jsonPath()
                .getList("id");
        assertTrue(ids.indexOf((int) p1) < ids.indexOf((int) p3), "P1 before P3");
        as("commander")
                .body(Map.of("assignee", "responder"))
                .put("/api/incidents/{n}/tasks/{id}/assignee", number, p3)
                .then()
                .statusCode(200)
                .body("assignee", equalTo("responder"));
        assertTrue(as("viewer")
                .get("/api/tasks?assignee=responder")
                .then()
                .extract()
                .jsonPath()
                .getList("id")
                .contains((int) p3));
        as("responder")
                .body(Map.of("assignee", "responder"))
                .put("/api/incidents/{n}/tasks/{id}/assignee", number, p1)
                .then()
                .statusCode(403);
        assertEquals(
                2,
                as("viewer")
                        .get("/api/incidents/{n}/tasks", number)
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("id")
                        .size());
    }

    @Test
    void anOverdueTaskIsFlaggedOncePerLapse() {
        String number = declare();
        long id = task(
                number,
                Map.of(
                        "title",
                        "라우터 점검",
                        "assignee",
                        "responder",
                        "dueAt",
                        TestClock.now().plus(Duration.ofMinutes(30)).toString()));
        tasks.flagOverdue();
        assertFalse(overdueEntries(number).contains(id), "not due yet");
        TestClock.advance(Duration.ofMinutes(31));
        tasks.flagOverdue();
        tasks.flagOverdue();
        assertEquals(1, overdueEntries(number).stream().filter(t -> t == id).count(), "flagged once");
        as("viewer")
                .get("/api/incidents/{n}/tasks", number)
                .then()
                .body("find { it.id == " + id + " }.overdue", equalTo(true));
    }

    static List<Long> overdueEntries(String number) {
        return as("viewer")
                .get("/api/incidents/{n}/timeline?type=task.overdue", number)
                .then()
                .extract()
                .jsonPath()
                .getList("days.entries.flatten().data.task", Long.class);
    }

    @Test
    void badAssignmentsAreRefusedClearlyAndWriteNothing() throws Exception {
        String number = declare();
        String gone = "gone" + Api.uniqueKey("x").replace("-", "");
        accounts.create(gone, "Left the ministry", "a-long-enough-password", Set.of("responder"), false, "test");
        try (Connection c = dataSource.getConnection();
                PreparedStatement p =
                        c.prepareStatement("UPDATE staff_account SET disabled_at = now() WHERE username = ?")) {
            p.setString(1, gone);
            assertEquals(1, p.executeUpdate());
        }
        long before = Api.lastSeq();
        as("commander")
                .body(Map.of("title", "x", "assignee", gone))
                .post("/api/incidents/{n}/tasks", number)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("'" + gone + "' is not an active staff account"));
        as("commander")
                .body(Map.of("title", "x"))
                .post("/api/incidents/{n}/tasks", number)
                .then()
                .statusCode(400)
                .body("detail", containsString("assignee"));
        as("commander")
                .body(Map.of("title", "x", "team", "no-such-team"))
                .post("/api/incidents/{n}/tasks", number)
                .then()
                .statusCode(400)
                .body("detail", containsString("no team 'no-such-team'"));
        as("commander")
                .body(Map.of("title", "x", "assignee", "responder", "priority", "P9"))
                .post("/api/incidents/{n}/tasks", number)
                .then()
                .statusCode(400)
                .body("allowed", hasItems("P1", "P2", "P3"));
        as("commander")
                .body(Map.of("title", "x", "assignee", "responder"))
                .post("/api/incidents/{n}/tasks", "INC-1999-0404")
                .then()
                .statusCode(404);
        as("viewer")
                .body(Map.of("title", "x", "assignee", "responder"))
                .post("/api/incidents/{n}/tasks", number)
                .then()
                .statusCode(403);
        as("responder")
                .post("/api/incidents/{n}/tasks/{id}/claim", number, 999_999_999L)
                .then()
                .statusCode(404);
        assertEquals(before, Api.lastSeq(), "nothing written");
        // A disabled account cannot sign in either.
        io.restassured.RestAssured.given()
                .auth()
                .preemptive()
                .basic(gone, "a-long-enough-password")
                .get("/api/tasks")
                .then()
                .statusCode(401);
    }
}
