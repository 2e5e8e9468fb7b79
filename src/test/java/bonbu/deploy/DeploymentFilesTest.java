package bonbu.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every YAML file under {@code docker/} parses, and the deployment files keep their shape: the
 * compose file has PostgreSQL 17 on a named volume, three replicas and nginx with the shared
 * configuration; the Kubernetes Deployment runs at least two replicas with both probes, a rolling
 * update that never drops below the desired count, and a PodDisruptionBudget and Service.
 */
class DeploymentFilesTest {

    private static final Path DOCKER = Path.of("docker");

    @Test
    void everyYamlFileUnderDockerParses() throws IOException {
        List<Path> files = yamlFiles();
        assertTrue(files.size() >= 3, "compose and Kubernetes files: " + files);
        for (Path file : files) {
            assertFalse(documents(file).isEmpty(), file + " has no document");
        }
    }

    @Test
    void composeRunsPostgresOnANamedVolumeThreeReplicasAndNginx() throws IOException {
        Map<String, Object> compose =
                map(documents(DOCKER.resolve("compose.yaml")).get(0));
        Map<String, Object> services = map(compose.get("services"));

        Map<String, Object> postgres = map(services.get("postgres"));
        assertTrue(String.valueOf(postgres.get("image")).startsWith("postgres:17"), "PostgreSQL 17");
        String data = strings(postgres.get("volumes")).get(0);
        String volume = data.substring(0, data.indexOf(':'));
        assertTrue(map(compose.get("volumes")).containsKey(volume), "named volume " + volume);
        assertEquals("/var/lib/postgresql/data", data.substring(data.indexOf(':') + 1));

        Map<String, Object> bonbu = map(services.get("bonbu"));
        assertEquals(3, map(bonbu.get("deploy")).get("replicas"));
        assertEquals("docker/Dockerfile", map(bonbu.get("build")).get("dockerfile"));
        Map<String, Object> env = map(bonbu.get("environment"));
        for (String name : List.of(
                "QUARKUS_DATASOURCE_JDBC_URL",
                "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD",
                "BONBU_STATUSPAGE_MIRROR_DIR",
                "BONBU_BREAK_GLASS_PASSWORD_HASH",
                "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES")) {
            assertTrue(env.containsKey(name), "bonbu sets " + name);
        }

        Map<String, Object> nginx = map(services.get("nginx"));
        List<String> mounts = strings(nginx.get("volumes"));
        assertTrue(mounts.contains("./nginx/bonbu.conf:/etc/nginx/conf.d/default.conf:ro"), "shared nginx file");
        assertTrue(mounts.contains("./nginx/compose:/etc/nginx/bonbu:ro"), "compose includes");
        assertTrue(
                mounts.stream().anyMatch(m -> m.startsWith("mirror:/srv/bonbu-mirror")),
                "nginx serves the mirror volume");
        assertTrue(strings(bonbu.get("volumes")).stream().anyMatch(m -> m.startsWith("mirror:")), "replicas write it");
    }

    @Test
    void kubernetesDeploymentKeepsServingThroughRollsAndDisruptions() throws IOException {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Path file : yamlFiles()) {
            if (!file.startsWith(DOCKER.resolve("kubernetes"))) continue;
            for (Object doc : documents(file)) objects.add(map(doc));
        }
        Map<String, Object> deployment = only(objects, "Deployment");
        Map<String, Object> spec = map(deployment.get("spec"));
        assertTrue(((Number) spec.get("replicas")).intValue() >= 2, "at least two replicas");
        Map<String, Object> rolling = map(map(spec.get("strategy")).get("rollingUpdate"));
        assertEquals(
                0, rolling.get("maxUnavailable"), "a roll never takes a replica away before its successor is ready");

        Map<String, Object> pod = map(map(spec.get("template")).get("spec"));
        Map<String, Object> container = map(((List<?>) pod.get("containers")).get(0));
        assertEquals(
                "/q/health/ready",
                map(map(container.get("readinessProbe")).get("httpGet")).get("path"));
        assertEquals(
                "/q/health/live",
                map(map(container.get("livenessProbe")).get("httpGet")).get("path"));
        Map<String, Object> requests = map(map(container.get("resources")).get("requests"));
        assertNotNull(requests.get("cpu"), "cpu request");
        assertNotNull(requests.get("memory"), "memory request");
        assertTrue(
                ((Number) pod.get("terminationGracePeriodSeconds")).intValue() > 30,
                "grace period longer than the shutdown delay and timeout");

        Map<String, Object> pdb = only(objects, "PodDisruptionBudget");
        assertEquals(
                map(map(spec.get("selector")).get("matchLabels")),
                map(map(map(pdb.get("spec")).get("selector")).get("matchLabels")),
                "the budget covers the Deployment's pods");
        Map<String, Object> service = only(objects, "Service");
        assertEquals(
                map(map(spec.get("selector")).get("matchLabels")),
                map(map(service.get("spec")).get("selector")),
                "the Service selects the Deployment's pods");
    }

    private static Map<String, Object> only(List<Map<String, Object>> objects, String kind) {
        List<Map<String, Object>> found =
                objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        assertEquals(1, found.size(), "exactly one " + kind);
        return found.get(0);
    }

    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(DOCKER)) {
            return walk.filter(
                            p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
    }

    private static List<Object> documents(Path file) throws IOException {
        List<Object> docs = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                if (doc != null) docs.add(doc);
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertTrue(o instanceof Map, "expected a mapping, got " + o);
        return (Map<String, Object>) o;
    }

    private static List<String> strings(Object o) {
        assertTrue(o instanceof List, "expected a list, got " + o);
        return ((List<?>) o).stream().map(String::valueOf).toList();
    }
}
