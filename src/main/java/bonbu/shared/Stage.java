package bonbu.shared;

import bonbu.shared.problem.DomainException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A status that only moves forward along allowed steps (a task, a follow-up action, a cause
 * hypothesis, a maintenance, an incident). {@link #check} is the one place that refuses a move and
 * says which moves are allowed now.
 */
public interface Stage<S extends Enum<S> & Stage<S>> {

    /** The statuses this one may move to. */
    List<S> next();

    /** The lower-case name used in JSON and messages. */
    String value();

    /**
     * Refuses with 409 unless {@code from} may move to {@code to}; {@code subject} names the thing
     * ("Task 12", "Action 3"). The message reads "Task 12 is done; it cannot become open. Allowed
     * now: none: it is done."
     */
    static <S extends Enum<S> & Stage<S>> void check(String subject, S from, S to) {
        check(subject, from, to, "it cannot become");
    }

    /** As {@link #check(String, Enum, Enum)}, with its own verb ("it cannot go back to"). */
    static <S extends Enum<S> & Stage<S>> void check(String subject, S from, S to, String cannot) {
        if (from.next().contains(to)) return;
        throw new DomainException(subject + " is " + from.value() + "; " + cannot + " " + to.value() + ". Allowed now: "
                + allowed(from) + ".");
    }

    /** The allowed moves as a list for messages: "in_progress, done" or "none: it is done". */
    static <S extends Enum<S> & Stage<S>> String allowed(S from) {
        return from.next().isEmpty()
                ? "none: it is " + from.value()
                : from.next().stream().map(Stage::value).collect(Collectors.joining(", "));
    }
}
