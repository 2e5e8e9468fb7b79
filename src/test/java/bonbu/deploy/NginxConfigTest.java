package bonbu.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.Nginx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The nginx configuration in {@code docker/nginx/} is valid: {@code nginx -t} accepts the shared
 * file with loopback includes (as bench/topology and TopologyIT run it), and the compose includes
 * name what the shared file expects.
 */
class NginxConfigTest {

    @Test
    void theSharedConfigurationPassesNginxTest() throws Exception {
        Nginx.requireNginx();
        Path prefix = Path.of("target", "nginx-config-test");
        Path mirror = Files.createDirectories(prefix.resolve("mirror"));
        Path conf = Nginx.writeConfig(prefix, 18999, List.of(18001, 18002, 18003), mirror);
        String out = Nginx.test(conf);
        assertTrue(out.contains("test is successful"), out);
    }

    @Test
    void theComposeIncludesFillWhatTheSharedFileIncludes() throws Exception {
        String shared = Files.readString(Nginx.SHARED_CONFIG);
        assertTrue(shared.contains("include bonbu/upstreams.conf;"), "upstreams include");
        assertTrue(shared.contains("include bonbu/server.conf;"), "server include");
        String upstreams = Files.readString(Path.of("docker", "nginx", "compose", "upstreams.conf"));
        assertTrue(upstreams.contains("server bonbu:8080"), upstreams);
        String server = Files.readString(Path.of("docker", "nginx", "compose", "server.conf"));
        assertTrue(server.contains("listen 80;") && server.contains("root /srv/bonbu-mirror;"), server);
    }
}
