package bonbu.component.graph;

import static bonbu.component.ComponentStatus.DEGRADED_PERFORMANCE;
import static bonbu.component.ComponentStatus.MAJOR_OUTAGE;
import static bonbu.component.ComponentStatus.OPERATIONAL;
import static bonbu.component.ComponentStatus.PARTIAL_OUTAGE;
import static bonbu.component.ComponentStatus.UNDER_MAINTENANCE;
import static bonbu.component.DependencyKind.DEGRADES;
import static bonbu.component.DependencyKind.REQUIRED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.component.ComponentStatus;
import bonbu.component.DependencyKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CatalogGraphTest {

    /** A small graph built from "down>up:KIND" strings, with own statuses set by key. */
    private static final class Fixture {
        final CatalogGraph graph;
        final ComponentStatus[] own;

        Fixture(List<String> keys, String... edges) {
            List<CatalogGraph.Edge> list = new ArrayList<>();
            for (String e : edges) {
                String[] parts = e.split("[>:]");
                list.add(new CatalogGraph.Edge(parts[0], parts[1], DependencyKind.valueOf(parts[2])));
            }
            graph = CatalogGraph.of(keys, list);
            own = new ComponentStatus[keys.size()];
            Arrays.fill(own, OPERATIONAL);
        }

        Fixture set(String key, ComponentStatus status) {
            own[graph.indexOf(key).orElseThrow()] = status;
            return this;
        }

        CatalogGraph.Effective effective() {
            return graph.compute(own);
        }

        ComponentStatus status(String key) {
            return effective().status()[graph.indexOf(key).orElseThrow()];
        }

        List<String> causes(String key) {
            CatalogGraph.Effective e = effective();
            return graph.causeChain(e, graph.indexOf(key).orElseThrow()).stream()
                    .map(graph::key)
                    .toList();
        }
    }

    @Test
    void requiredPassesTheUpstreamStatusThroughUnchanged() {
        Fixture f = new Fixture(List.of("auth", "portal"), "portal>auth:REQUIRED").set("auth", PARTIAL_OUTAGE);
        assertEquals(PARTIAL_OUTAGE, f.status("portal"));
        assertEquals(List.of("auth"), f.causes("portal"));
    }

    @Test
    void degradesTurnsAnyUpstreamTroubleIntoDegradedPerformanceAtMost() {
        Fixture f = new Fixture(List.of("auth", "guide"), "guide>auth:DEGRADES");
        for (ComponentStatus upstream :
                List.of(MAJOR_OUTAGE, PARTIAL_OUTAGE, DEGRADED_PERFORMANCE, UNDER_MAINTENANCE)) {
            f.set("auth", upstream);
            assertEquals(DEGRADED_PERFORMANCE, f.status("guide"), "upstream " + upstream);
            assertEquals(List.of("auth"), f.causes("guide"));
        }
        f.set("auth", OPERATIONAL);
        assertEquals(OPERATIONAL, f.status("guide"));
        assertEquals(List.of(), f.causes("guide"));
    }

    @Test
    void ownStatusWinsWhenItIsWorseThanWhatUpstreamsPropagate() {
        Fixture f = new Fixture(List.of("auth", "guide"), "guide>auth:DEGRADES")
                .set("auth", MAJOR_OUTAGE)
                .set("guide", PARTIAL_OUTAGE);
        assertEquals(PARTIAL_OUTAGE, f.status("guide"));
        assertEquals(List.of(), f.causes("guide"));
    }

    @Test
    void anUpstreamThatExplainsAnEqualOwnStatusIsStillNamedAsTheCause() {
        Fixture f = new Fixture(List.of("auth", "portal"), "portal>auth:REQUIRED")
                .set("auth", MAJOR_OUTAGE)
                .set("portal", MAJOR_OUTAGE);
        assertEquals(List.of("auth"), f.causes("portal"));
    }

    @Test
    void deepChainsCarryTheWholeCauseChain() {
        Fixture f = new Fixture(
                        List.of("network", "auth", "admin", "certs"),
                        "auth>network:REQUIRED",
                        "admin>auth:REQUIRED",
                        "certs>admin:REQUIRED")
                .set("network", MAJOR_OUTAGE);
        assertEquals(MAJOR_OUTAGE, f.status("certs"));
        assertEquals(List.of("admin", "auth", "network"), f.causes("certs"));
    }

    @Test
    void diamondTakesTheWorstBranchAndPrefersTheShortestChainOnATie() {
        // certs needs portal and admin; both need auth; admin also needs the network directly.
        Fixture f = new Fixture(
                List.of("network", "auth", "portal", "admin", "certs"),
                "auth>network:REQUIRED",
                "portal>auth:REQUIRED",
                "admin>auth:REQUIRED",
                "admin>network:REQUIRED",
                "certs>portal:REQUIRED",
                "certs>admin:REQUIRED");
        f.set("auth", MAJOR_OUTAGE);
        assertEquals(MAJOR_OUTAGE, f.status("certs"));
        assertEquals(List.of("admin", "auth"), f.causes("certs"), "ties go to the smaller key");

        f.set("auth", OPERATIONAL).set("network", MAJOR_OUTAGE);
        assertEquals(List.of("network"), f.causes("admin"), "a direct dependency beats a longer chain");
        assertEquals(List.of("admin", "network"), f.causes("certs"));

        f.set("network", OPERATIONAL).set("portal", PARTIAL_OUTAGE).set("admin", MAJOR_OUTAGE);
        assertEquals(MAJOR_OUTAGE, f.status("certs"), "the worst branch wins");
        assertEquals(List.of("admin"), f.causes("certs"));
    }

    @Test
    void maintenancePropagatesThroughRequiredAndDegradesThroughDegrades() {
        Fixture f = new Fixture(List.of("db", "app", "guide"), "app>db:REQUIRED", "guide>db:DEGRADES")
                .set("db", UNDER_MAINTENANCE);
        assertEquals(UNDER_MAINTENANCE, f.status("app"));
        assertEquals(List.of("db"), f.causes("app"));
        assertEquals(DEGRADED_PERFORMANCE, f.status("guide"));
    }

    @Test
    void maintenanceIsOutrankedByAnyOutage() {
        Fixture f = new Fixture(List.of("db", "app"), "app>db:REQUIRED")
                .set("db", UNDER_MAINTENANCE)
                .set("app", DEGRADED_PERFORMANCE);
        assertEquals(DEGRADED_PERFORMANCE, f.status("app"));
        assertEquals(List.of(), f.causes("app"));
    }

    @Test
    void addingAnEdgeThatClosesACycleIsReportedWithTheCycle() {
        Fixture f = new Fixture(List.of("network", "auth", "admin"), "auth>network:REQUIRED", "admin>auth:REQUIRED");
        assertEquals(
                List.of("network", "admin", "auth", "network"),
                f.graph.cycleIfAdded("network", "admin").orElseThrow());
        assertEquals(
                List.of("auth", "auth"), f.graph.cycleIfAdded("auth", "auth").orElseThrow());
        assertTrue(f.graph.cycleIfAdded("admin", "network").isEmpty(), "a shortcut is not a cycle");
    }

    @Test
    void aGraphWithACycleIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> CatalogGraph.of(
                        List.of("a", "b"),
                        List.of(new CatalogGraph.Edge("a", "b", REQUIRED), new CatalogGraph.Edge("b", "a", DEGRADES))));
    }

    @Test
    void incrementalRecomputeAgreesWithAFullComputeOnRandomGraphs() {
        Random random = new Random(42);
        ComponentStatus[] statuses = ComponentStatus.values();
        for (int round = 0; round < 50; round++) {
            int n = 40;
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < n; i++) keys.add("c" + i);
            List<CatalogGraph.Edge> edges = new ArrayList<>();
            for (int d = 1; d < n; d++) {
                for (int k = 0; k < 3; k++) {
                    int u = random.nextInt(d); // only to lower indexes: acyclic
                    String edge = "c" + d + ">c" + u;
                    if (edges.stream().noneMatch(e -> (e.downstream() + ">" + e.upstream()).equals(edge))) {
                        edges.add(new CatalogGraph.Edge("c" + d, "c" + u, random.nextBoolean() ? REQUIRED : DEGRADES));
                    }
                }
            }
            CatalogGraph graph = CatalogGraph.of(keys, edges);
            ComponentStatus[] own = new ComponentStatus[n];
            for (int i = 0; i < n; i++) own[i] = random.nextInt(4) == 0 ? statuses[random.nextInt(5)] : OPERATIONAL;
            CatalogGraph.Effective current = graph.compute(own);
            for (int step = 0; step < 20; step++) {
                int changed = random.nextInt(n);
                own[changed] = statuses[random.nextInt(5)];
                current = graph.recompute(current, own, changed);
                CatalogGraph.Effective full = graph.compute(own);
                assertArrayEquals(full.status(), current.status(), "round " + round + " step " + step);
                assertArrayEquals(full.cause(), current.cause());
                assertArrayEquals(full.depth(), current.depth());
            }
        }
    }

    @Test
    void changesListsOnlyWhatMoved() {
        Fixture f = new Fixture(List.of("auth", "portal", "other"), "portal>auth:REQUIRED");
        CatalogGraph.Effective before = f.effective();
        f.set("auth", MAJOR_OUTAGE);
        CatalogGraph.Effective after = f.effective();
        Map<String, ComponentStatus> moved = new HashMap<>();
        for (CatalogGraph.Change c : f.graph.changes(before, after)) moved.put(c.key(), c.to());
        assertEquals(Map.of("auth", MAJOR_OUTAGE, "portal", MAJOR_OUTAGE), moved);
    }
}
