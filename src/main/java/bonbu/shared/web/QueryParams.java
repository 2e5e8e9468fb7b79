package bonbu.shared.web;

import bonbu.shared.problem.ProblemException;
import java.util.List;
import java.util.Map;

/**
 * Query parameters parsed by hand, so a bad value is a 400 naming the parameter (JAX-RS would
 * answer 404 for a query parameter it cannot convert).
 */
public final class QueryParams {

    private QueryParams() {}

    /** A whole number in [min, max], or {@code fallback} when the parameter is absent. */
    public static long number(String name, String value, long fallback, long min, long max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        String range = max == Long.MAX_VALUE ? min + " or more" : "between " + min + " and " + max;
        throw new ProblemException(
                400,
                "Invalid request",
                "Query parameter '" + name + "' must be a whole number " + range + "; got '" + value + "'.",
                Map.of("errors", List.of(Map.of("field", name, "message", "must be a whole number " + range))));
    }
}
