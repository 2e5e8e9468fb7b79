package bonbu.timeline;

import java.util.Map;

/** A fact to append to the timeline; the time and sequence number are added when it is stored. */
public record NewTimelineEntry(String type, Audience audience, String incident, Map<String, Object> data) {

    public static NewTimelineEntry staff(String type, Map<String, Object> data) {
        return new NewTimelineEntry(type, Audience.STAFF, null, data);
    }

    public static NewTimelineEntry publicly(String type, Map<String, Object> data) {
        return new NewTimelineEntry(type, Audience.PUBLIC, null, data);
    }
}
