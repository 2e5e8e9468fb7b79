package bonbu.shared.problem;

import java.util.Map;

/** A domain rule refused a change (an illegal transition, a cycle, …); answered with 409. */
public class DomainException extends ProblemException {

    public DomainException(String detail) {
        this(detail, null);
    }

    public DomainException(String detail, Map<String, Object> extensions) {
        super(409, "Conflict", detail, extensions);
    }
}
