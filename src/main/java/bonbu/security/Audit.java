package bonbu.security;

import bonbu.shared.problem.AccessRefused;
import bonbu.timeline.NewTimelineEntry;
import bonbu.timeline.Timeline;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Records refused authorisations in the staff timeline: who tried what, when and from where. */
@ApplicationScoped
class Audit {

    private static final Logger LOG = Logger.getLogger(Audit.class);

    @Inject
    Timeline timeline;

    void refused(@ObservesAsync AccessRefused refusal) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("username", refusal.username());
        data.put("method", refusal.method());
        data.put("path", refusal.path());
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> timeline.append(
                            refusal.username(),
                            refusal.origin(),
                            List.of(NewTimelineEntry.staff("security.access_refused", data))));
        } catch (RuntimeException e) {
            LOG.warnf("Could not record a refused request by %s: %s", refusal.username(), e.getMessage());
        }
    }
}
