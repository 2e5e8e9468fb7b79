package bonbu.statuspage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * One public document as it is served: its bytes, the same gzipped, and a strong ETag for each.
 * Built once per snapshot, then only copied to the network.
 */
public record Resource(
        String contentType, String language, int status, byte[] body, byte[] gzip, String etag, String gzipEtag) {

    public static final String HTML = "text/html; charset=utf-8";
    public static final String JSON = "application/json; charset=utf-8";
    public static final String ATOM = "application/atom+xml; charset=utf-8";

    public static Resource of(String contentType, String language, int status, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        String hash = hash(body);
        return new Resource(
                contentType, language, status, body, gzip(body), "\"" + hash + "\"", "\"" + hash + "-gzip\"");
    }

    boolean sameBytes(Resource other) {
        return other != null && Arrays.equals(body, other.body) && contentType.equals(other.contentType);
    }

    private static String hash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
