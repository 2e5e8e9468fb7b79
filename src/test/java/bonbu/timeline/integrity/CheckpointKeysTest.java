package bonbu.timeline.integrity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the signing key comes from, and what happens without one. */
class CheckpointKeysTest {

    @TempDir
    Path dir;

    private static CheckpointKeys load(
            Optional<String> key, Optional<Path> file, boolean generate, List<String> trusted) {
        CheckpointKeys keys = new CheckpointKeys();
        keys.config = new CheckpointConfig() {
            public Duration every() {
                return Duration.ofMinutes(10);
            }

            public String checkEvery() {
                return "off";
            }

            public boolean onResolution() {
                return true;
            }

            public Optional<String> key() {
                return key;
            }

            public Optional<Path> keyFile() {
                return file;
            }

            public boolean generateKey() {
                return generate;
            }

            public Optional<List<String>> trustedKeys() {
                return Optional.of(trusted);
            }

            public int published() {
                return 1000;
            }
        };
        keys.load();
        return keys;
    }

    private static boolean verifies(KeyPair pair, byte[] message, String signature) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(pair.getPublic());
        s.update(message);
        return s.verify(Base64.getDecoder().decode(signature));
    }

    @Test
    void withoutAKeyNothingSignsAndTheReasonIsKept() {
        CheckpointKeys keys = load(Optional.empty(), Optional.empty(), false, List.of());
        assertFalse(keys.signing());
        assertTrue(keys.absence().contains("BONBU_CHECKPOINTS_KEY"), keys.absence());
        assertTrue(keys.trusted().isEmpty());
    }

    @Test
    void aPrivateKeyAloneAsOpensslWritesItSignsAndItsPublicKeyIsDerived() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = CheckpointKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded());
        CheckpointKeys keys = load(Optional.of(pem), Optional.empty(), false, List.of());
        assertTrue(keys.signing());
        assertNull(keys.absence());
        assertEquals(CheckpointKeys.idOf(pair.getPublic()), keys.signingKeyId());
        assertArrayEquals(
                pair.getPublic().getEncoded(),
                keys.trusted().get(keys.signingKeyId()).getEncoded());
        byte[] message = "m".getBytes(StandardCharsets.UTF_8);
        String signature = keys.sign(message);
        assertTrue(verifies(pair, message, signature));
        assertTrue(keys.verify(keys.signingKeyId(), message, signature));
        assertFalse(keys.verify(keys.signingKeyId(), "n".getBytes(StandardCharsets.UTF_8), signature));
        assertFalse(keys.verify("0123456789abcdef", message, signature), "an unknown key id is not trusted");

        String bare = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        assertEquals(
                keys.signingKeyId(),
                load(Optional.of(bare), Optional.empty(), false, List.of()).signingKeyId());
    }

    @Test
    void aKeyMadeByOpensslGetsThePublicKeyOpensslDerivesForIt() {
        // openssl genpkey -algorithm ed25519; openssl pkey -pubout (a throwaway key for this test)
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + "MC4CAQAwBQYDK2VwBCIEIOzdaX9M4KqZJUh1zF18d/r+ZsxPHBSVfCI8tQhFAe7N\n"
                + "-----END PRIVATE KEY-----\n";
        CheckpointKeys keys = load(Optional.of(pem), Optional.empty(), false, List.of());
        assertTrue(keys.signing());
        assertEquals(
                "MCowBQYDK2VwAyEAXUF6aK9zfTZBA3oF/iFwZVic7bpUS297LZmFoPmn+gk=",
                Base64.getEncoder()
                        .encodeToString(keys.trusted().get(keys.signingKeyId()).getEncoded()));
    }

    @Test
    void aMissingKeyFileIsGeneratedOnlyWhenAllowedAndThenReused() throws Exception {
        Path file = dir.resolve("keys").resolve("checkpoint-key.pem");
        CheckpointKeys refused = load(Optional.empty(), Optional.of(file), false, List.of());
        assertFalse(refused.signing());
        assertTrue(refused.absence().contains("does not exist"), refused.absence());
        assertFalse(Files.exists(file));

        CheckpointKeys generated = load(Optional.empty(), Optional.of(file), true, List.of());
        assertTrue(generated.signing());
        assertTrue(Files.readString(file).contains("-----BEGIN PRIVATE KEY-----"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(
                generated.signingKeyId(),
                load(Optional.empty(), Optional.of(file), true, List.of()).signingKeyId(),
                "the same key at the next start");
    }

    @Test
    void aBrokenKeyLeavesCheckpointsAbsentAndEarlierKeysStayTrusted() throws Exception {
        KeyPair earlier = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String earlierPublic =
                Base64.getEncoder().encodeToString(earlier.getPublic().getEncoded());
        CheckpointKeys keys = load(
                Optional.of("-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n"),
                Optional.empty(),
                false,
                List.of(earlierPublic, "not base64 at all"));
        assertFalse(keys.signing());
        assertNotNull(keys.absence());
        assertTrue(keys.absence().contains("Ed25519 private key"), keys.absence());
        assertEquals(
                List.of(CheckpointKeys.idOf(earlier.getPublic())),
                List.copyOf(keys.trusted().keySet()));
    }
}
