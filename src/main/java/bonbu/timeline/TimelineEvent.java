package bonbu.timeline;

import java.time.Instant;
import java.util.Map;

/** A committed timeline entry as the rest of the system sees it. */
public record TimelineEvent(
        long seq,
        Instant at,
        String incident,
        String actor,
        String type,
        Audience audience,
        Map<String, Object> data) {}
