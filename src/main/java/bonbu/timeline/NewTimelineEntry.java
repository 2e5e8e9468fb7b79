package bonbu.timeline;

import java.util.Map;

/**
 * A fact to append to the timeline, with who may see it and the incident it is about (null: none);
 * the time and sequence number are added when it is stored.
 */
public record NewTimelineEntry(Audience audience, String incident, Fact fact) {

    /** A fact for one audience, about an incident (null: about none). */
    public static NewTimelineEntry of(Audience audience, String incident, Fact fact) {
        return new NewTimelineEntry(audience, incident, fact);
    }

    /** A staff-only fact about no incident. */
    public static NewTimelineEntry staff(Fact fact) {
        return of(Audience.STAFF, null, fact);
    }

    /** A staff-only fact about an incident. */
    public static NewTimelineEntry staff(String incident, Fact fact) {
        return of(Audience.STAFF, incident, fact);
    }

    /** A public fact about no incident. */
    public static NewTimelineEntry publicly(Fact fact) {
        return of(Audience.PUBLIC, null, fact);
    }

    /** A public fact about an incident. */
    public static NewTimelineEntry publicly(String incident, Fact fact) {
        return of(Audience.PUBLIC, incident, fact);
    }

    /** The stored entry type, from the fact's {@link Fact.Type}. */
    public String type() {
        return Facts.typeOf(fact);
    }

    /** The stored JSON of the fact. */
    public Map<String, Object> data() {
        return Facts.data(fact);
    }
}
