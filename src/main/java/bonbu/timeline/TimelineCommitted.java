package bonbu.timeline;

import java.util.List;

/** Entries that have committed, in seq order with no gaps, as read once by this replica. */
public record TimelineCommitted(List<TimelineEvent> entries) {}
