package bonbu.shared.problem;

import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** A human page for an address that does not exist, for people browsing rather than API clients. */
public interface PageNotFound {

    /** The page for {@code path}, or empty to answer with problem+json as usual. */
    Optional<Response> pageFor(String path);
}
