package bonbu.security;

import bonbu.shared.problem.AccessRefused;
import bonbu.timeline.NewTimelineEntry;
import bonbu.timeline.Timeline;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Records refused authorisations in the staff timeline: who tried what, when and from where. The
 * entry commits in its own transaction, so it stays while the refused request writes nothing.
 */
@ApplicationScoped
class Audit {

    private static final Logger LOG = Logger.getLogger(Audit.class);

    @Inject
    Timeline timeline;

    void refused(@ObservesAsync AccessRefused refusal) {
        SecurityFact fact = new SecurityFact.AccessRefused(refusal.username(), refusal.method(), refusal.path());
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> timeline.append(
                            refusal.username(), refusal.origin(), List.of(NewTimelineEntry.staff(fact))));
        } catch (RuntimeException e) {
            LOG.warnf("Could not record a refused request by %s: %s", refusal.username(), e.getMessage());
        }
    }
}
