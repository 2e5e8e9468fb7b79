package bonbu.shared.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal that becomes an RFC 9457 problem answer: an HTTP status, a short title, a detail a
 * person can act on, and optional extra members.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.title = title;
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, null);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad request", detail, null);
    }

    /** A value that is not one of the allowed ones: a 400 naming the field and listing them. */
    public static ProblemException notOneOf(String field, String value, List<String> allowed) {
        String list = String.join(", ", allowed);
        return new ProblemException(
                400,
                "Invalid request",
                "'" + value + "' is not a valid value for '" + field + "'. Allowed: " + list + ".",
                Map.of(
                        "errors",
                        List.of(Map.of("field", field, "message", "must be one of " + list)),
                        "allowed",
                        allowed));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
