package bonbu.console;

import bonbu.shared.Kst;
import bonbu.shared.problem.ProblemException;
import bonbu.shared.web.Redirects;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What the console's form handlers share: redirects, re-rendered pages, validation, times. */
final class Forms {

    static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    private Forms() {}

    /** POST/redirect/GET: the answer to a form that did what it was asked. */
    static Response seeOther(String path) {
        return Redirects.seeOther(path).build();
    }

    /** A page rendered again after a refusal, with the refusal's status (400, 404, 409…). */
    static Response page(int status, String html) {
        return Response.status(status).type(HTML).entity(html).build();
    }

    /** Runs Bean Validation on a request built from form fields, refusing as the JSON API would. */
    static <T> T valid(Validator validator, T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (violations.isEmpty()) return request;
        String detail = violations.stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .collect(Collectors.joining("; "));
        throw new ProblemException(400, "Invalid request", "Some fields are not valid: " + detail, null);
    }

    /** A form field that is required: a 400 naming it when blank. */
    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ProblemException(
                    400,
                    "Invalid request",
                    field + " is required.",
                    Map.of("errors", List.of(Map.of("field", field, "message", "is required"))));
        }
        return value.strip();
    }

    /** A form field naming one constant of {@code type} (case as typed): a 400 listing them otherwise. */
    static <E extends Enum<E>> E oneOf(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notOneOf(
                    field,
                    value,
                    java.util.Arrays.stream(type.getEnumConstants())
                            .map(Enum::name)
                            .toList());
        }
    }

    /** What was typed, by field name (null as empty), to show again beside a refusal. */
    static Map<String, String> typed(String... pairs) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], orEmpty(pairs[i + 1]));
        return m;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The version a form was rendered with, or null when absent. */
    static Long version(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("The form's version field is not a number; reload the page.");
        }
    }

    static String time(Instant at) {
        return Kst.minutes(at);
    }

    static String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    /** "2시간 5분 · 2 h 5 min" */
    static String age(Instant from, Instant to) {
        long minutes = Math.max(0, Duration.between(from, to).toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        StringBuilder ko = new StringBuilder();
        StringBuilder en = new StringBuilder();
        if (days > 0) {
            ko.append(days).append("일 ");
            en.append(days).append(" d ");
        }
        if (hours > 0) {
            ko.append(hours).append("시간 ");
            en.append(hours).append(" h ");
        }
        ko.append(mins).append("분");
        en.append(mins).append(" min");
        return ko + " · " + en;
    }
}
