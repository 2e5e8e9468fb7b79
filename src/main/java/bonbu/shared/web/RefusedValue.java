package bonbu.shared.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value of the right type that Bonbu still refuses (text with a NUL character, a date far
 * outside any incident's life); the problem answer names the field and gives the reason.
 */
class RefusedValue extends MismatchedInputException {

    private final String reason;
    private final String value;

    RefusedValue(JsonParser parser, Class<?> type, String reason, String value) {
        super(parser, "Value " + reason, type);
        this.reason = reason;
        this.value = value;
    }

    String reason() {
        return reason;
    }

    String value() {
        return value;
    }
}
