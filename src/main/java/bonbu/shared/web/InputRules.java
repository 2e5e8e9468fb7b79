package bonbu.shared.web;

import bonbu.shared.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * What every value a person sends must satisfy, whatever it is for: text without the NUL
 * character (PostgreSQL cannot store it) and dates between 2000-01-01 and 2100-12-31 (a typo such
 * as year 20266 or +999999999 is refused rather than stored or failing at the database). The JSON
 * reader ({@link StrictJson}) and the form and address check ({@link TextInputCheck}) apply them
 * to every request; a form handler that parses a date itself calls {@link #date} or
 * {@link #instant}.
 */
final class InputRules {

    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);
    static final Instant EARLIEST = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    static final Instant END = LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    static final String NUL_REASON = "must not contain the NUL character (U+0000); remove it and send the text again";
    static final String DATE_REASON = "must be between " + FIRST_DAY + " and " + LAST_DAY + " (UTC)";

    private InputRules() {}

    static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    static boolean inRange(Instant at) {
        return !at.isBefore(EARLIEST) && at.isBefore(END);
    }

    static boolean inRange(LocalDate day) {
        return !day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY);
    }

    /** {@code at} when it lies in the accepted range (or is null); a 400 naming {@code field} otherwise. */
    public static Instant instant(String field, Instant at) {
        if (at != null && !inRange(at)) throw refused(field, DATE_REASON, at.toString());
        return at;
    }

    /** {@code day} when it lies in the accepted range (or is null); a 400 naming {@code field} otherwise. */
    public static LocalDate date(String field, LocalDate day) {
        if (day != null && !inRange(day)) throw refused(field, DATE_REASON, day.toString());
        return day;
    }

    /** A 400 for one field: what is wrong with it and how to put it right. */
    static ProblemException refused(String field, String reason, String value) {
        String shown = value == null ? "" : " (got '" + value.replace("\u0000", "\\u0000") + "')";
        return new ProblemException(
                400,
                "Invalid request",
                "Field '" + field + "' " + reason + shown + ".",
                Map.of("errors", List.of(Map.of("field", field, "message", reason))));
    }
}
