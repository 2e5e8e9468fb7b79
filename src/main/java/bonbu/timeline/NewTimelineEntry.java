package bonbu.timeline;

import java.util.Map;

/** A fact to append to the timeline; the time and sequence number are added when it is stored. */
public record NewTimelineEntry(String type, Audience audience, String incident, Map<String, Object> data) {

    /** A fact for one audience, about an incident (null: about none). */
    public static NewTimelineEntry of(Audience audience, String incident, Fact fact) {
        return new NewTimelineEntry(Facts.typeOf(fact), audience, incident, Facts.data(fact));
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

    public static NewTimelineEntry staff(String type, Map<String, Object> data) {
        return new NewTimelineEntry(type, Audience.STAFF, null, data);
    }

    public static NewTimelineEntry publicly(String type, Map<String, Object> data) {
        return new NewTimelineEntry(type, Audience.PUBLIC, null, data);
    }
}
