package bonbu.timeline.integrity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Signed checkpoints of the timeline's hash chain: how often they are taken, and the Ed25519 key
 * that signs them, which lives outside the database (the environment or a file).
 */
@ConfigMapping(prefix = "bonbu.checkpoints")
interface CheckpointConfig {

    /** While the log grows, a checkpoint is taken when the newest one is this old. */
    @WithDefault("10M")
    Duration every();

    /**
     * How often each replica looks whether a checkpoint is due ({@code off}: never, e.g. in tests,
     * which take checkpoints themselves). Read by the {@code @Scheduled} expression of
     * {@link CheckpointJob}, with the same default.
     */
    @WithDefault("60s")
    String checkEvery();

    /** Whether a checkpoint is also taken as soon as an incident is resolved. */
    @WithDefault("true")
    boolean onResolution();

    /**
     * The signing key: an Ed25519 private key as PEM ({@code -----BEGIN PRIVATE KEY-----}, PKCS#8,
     * as {@code openssl genpkey -algorithm ed25519} writes it) or that block's base64 body. Meant
     * for the environment ({@code BONBU_CHECKPOINTS_KEY}); wins over {@link #keyFile()}.
     */
    Optional<String> key();

    /** A file holding the signing key as PEM. */
    Optional<Path> keyFile();

    /**
     * Whether a missing {@link #keyFile()} is generated (a new key pair, readable by the service's
     * user alone). On in {@code demo}, {@code dev} and {@code test}; production brings its own key,
     * the same on every replica.
     */
    @WithDefault("false")
    boolean generateKey();

    /**
     * Public keys of earlier signing keys (base64 of the X.509 encoding, as {@code checkpoints.json}
     * publishes them): checkpoints they signed still verify after the key is replaced.
     */
    Optional<List<String>> trustedKeys();

    /** How many of the newest checkpoints {@code checkpoints.json} lists. */
    @WithDefault("1000")
    int published();
}
