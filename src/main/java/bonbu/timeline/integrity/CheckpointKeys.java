package bonbu.timeline.integrity;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The Ed25519 key that signs checkpoints, read from the environment or a file (never from the
 * database), and the public keys whose checkpoints this service trusts: its own and any earlier
 * ones named in the settings. Without a usable key checkpoints are absent, and that is said at
 * start.
 */
@ApplicationScoped
class CheckpointKeys {

    static final String ALGORITHM = "Ed25519";

    private static final Logger LOG = Logger.getLogger(CheckpointKeys.class);

    @Inject
    CheckpointConfig config;

    private PrivateKey signingKey;
    private String signingKeyId;
    /** Trusted public keys by id, the signing key's first. */
    private Map<String, PublicKey> trusted = Map.of();
    /** Why nothing signs, or null while a key does. */
    private String absence;

    @PostConstruct
    void load() {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        try {
            KeyPair pair = signingPair();
            if (pair != null) {
                signingKey = pair.getPrivate();
                signingKeyId = idOf(pair.getPublic());
                keys.put(signingKeyId, pair.getPublic());
                LOG.infof("Timeline checkpoints are signed with %s key %s", ALGORITHM, signingKeyId);
            } else {
                absence = "No checkpoint signing key is configured (BONBU_CHECKPOINTS_KEY or"
                        + " BONBU_CHECKPOINTS_KEY_FILE).";
                LOG.warn(absence + " No checkpoints are taken: the timeline's hash chain is not anchored outside the"
                        + " database, and checkpoints.json reports checkpoints as absent. Make a key with `openssl"
                        + " genpkey -algorithm ed25519 -out checkpoint-key.pem` and give every replica the same one.");
            }
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            String why = e.getMessage();
            absence = "The checkpoint signing key cannot be used: " + why + (why.endsWith(".") ? "" : ".");
            LOG.error(absence + " No checkpoints are taken until it is fixed.");
        }
        for (String text : config.trustedKeys().orElse(List.of())) {
            try {
                PublicKey key = parsePublic(text);
                keys.putIfAbsent(idOf(key), key);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                LOG.errorf(
                        "Ignoring an entry of BONBU_CHECKPOINTS_TRUSTED_KEYS that is not an %s public key: %s",
                        ALGORITHM, e.getMessage());
            }
        }
        trusted = Map.copyOf(keys);
    }

    /** Loads the key with the service, so a missing one is reported at start, not at the first checkpoint. */
    void atStart(@Observes StartupEvent event) {
        signing();
    }

    boolean signing() {
        return signingKey != null;
    }

    /** Why nothing signs checkpoints, or null when a key does. */
    String absence() {
        return absence;
    }

    String signingKeyId() {
        return signingKeyId;
    }

    /** The trusted public keys by id, the signing key's first. */
    Map<String, PublicKey> trusted() {
        return trusted;
    }

    /** Signs with the signing key; base64. */
    String sign(byte[] message) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(signingKey);
            s.update(message);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a checkpoint", e);
        }
    }

    /** Whether {@code signature} (base64) is a valid signature of {@code message} by the trusted key {@code keyId}. */
    boolean verify(String keyId, byte[] message, String signature) {
        PublicKey key = trusted.get(keyId);
        if (key == null) return false;
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(message);
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private KeyPair signingPair() throws IOException, GeneralSecurityException {
        Optional<String> inline = config.key().filter(k -> !k.isBlank());
        if (inline.isPresent()) return pairOf(inline.get(), "BONBU_CHECKPOINTS_KEY");
        Optional<Path> file = config.keyFile();
        if (file.isEmpty()) return null;
        Path path = file.get();
        if (!Files.exists(path)) {
            if (!config.generateKey()) {
                throw new IllegalArgumentException("BONBU_CHECKPOINTS_KEY_FILE names " + path.toAbsolutePath()
                        + ", which does not exist. Create it with `openssl genpkey -algorithm ed25519 -out " + path
                        + "`.");
            }
            generate(path);
        }
        return pairOf(
                Files.readString(path, StandardCharsets.US_ASCII),
                path.toAbsolutePath().toString());
    }

    /** Writes a new key pair to {@code path}, readable by this user alone; keeps one another process wrote first. */
    private static void generate(Path path) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                + pem("PUBLIC KEY", pair.getPublic().getEncoded());
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + path.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temp);
        }
        try {
            Files.writeString(temp, pem, StandardCharsets.US_ASCII);
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE);
            LOG.infof("Generated a checkpoint signing key in %s", path.toAbsolutePath());
        } catch (FileAlreadyExistsException e) {
            // Another process generated it at the same moment: use theirs.
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The private key in {@code text} with its public key (given beside it, or derived). */
    static KeyPair pairOf(String text, String from) throws GeneralSecurityException {
        String body = pemBody(text, "PRIVATE KEY");
        if (body == null) {
            if (text.contains("-----BEGIN")) {
                throw new IllegalArgumentException(from + " holds no unencrypted '-----BEGIN PRIVATE KEY-----' block");
            }
            body = text;
        }
        PrivateKey privateKey;
        try {
            privateKey = KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(
                            new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(body.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    from + " does not hold an " + ALGORITHM + " private key (" + e.getMessage() + ")");
        }
        String publicBody = pemBody(text, "PUBLIC KEY");
        PublicKey publicKey = publicBody != null ? parsePublic(publicBody) : derivePublic(privateKey);
        KeyPair pair = new KeyPair(publicKey, privateKey);
        byte[] probe = "bonbu-checkpoint-key-check".getBytes(StandardCharsets.US_ASCII);
        Signature s = Signature.getInstance(ALGORITHM);
        s.initSign(privateKey);
        s.update(probe);
        byte[] signed = s.sign();
        s.initVerify(publicKey);
        s.update(probe);
        if (!s.verify(signed)) {
            throw new IllegalArgumentException(from + ": its PUBLIC KEY block does not belong to its PRIVATE KEY");
        }
        return pair;
    }

    /**
     * The public key of an Ed25519 private key. The JDK has no call for it, but its key pair
     * generator turns 32 random bytes into exactly that pair; fed the private key's own bytes, it
     * gives its public key. {@link #pairOf} checks the result by signing and verifying.
     */
    private static PublicKey derivePublic(PrivateKey privateKey) throws GeneralSecurityException {
        byte[] seed = ((EdECPrivateKey) privateKey)
                .getBytes()
                .orElseThrow(() -> new IllegalArgumentException("the private key's bytes cannot be read"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        });
        return generator.generateKeyPair().getPublic();
    }

    /** A public key from the base64 of its X.509 encoding, or a PEM block holding it. */
    static PublicKey parsePublic(String text) throws GeneralSecurityException {
        String body = pemBody(text, "PUBLIC KEY");
        byte[] der = Base64.getMimeDecoder().decode((body == null ? text : body).strip());
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
    }

    /** A key's id: the first 16 hex digits of the SHA-256 of its X.509 encoding. */
    static String idOf(PublicKey key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()))
                    .substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static String pemBody(String text, String label) {
        String begin = "-----BEGIN " + label + "-----";
        int start = text.indexOf(begin);
        if (start < 0) return null;
        int end = text.indexOf("-----END " + label + "-----", start);
        if (end < 0) throw new IllegalArgumentException("the '" + begin + "' block has no end line");
        return text.substring(start + begin.length(), end);
    }
}
