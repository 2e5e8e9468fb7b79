package bonbu.console;

import bonbu.timeline.TimelineEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Timeline entries as one short line each, for the room; the full record is on the timeline page. */
@ApplicationScoped
class EntryLines {

    @Inject
    ObjectMapper json;

    RoomModel.Entry entry(TimelineEvent e) {
        return new RoomModel.Entry(
                e.seq(),
                Forms.time(e.at()),
                Forms.iso(e.at()),
                e.actor(),
                e.type(),
                e.audience().name(),
                what(e));
    }

    /** A short reading of an entry's facts; the full record is on the timeline page. */
    private String what(TimelineEvent e) {
        Map<String, Object> d = e.data();
        return switch (e.type()) {
            case "incident.update_published", "incident.declared" -> {
                Object update = "incident.declared".equals(e.type()) ? d.get("update") : d;
                Object message = update instanceof Map<?, ?> m ? m.get("message") : null;
                Object ko = message instanceof Map<?, ?> m ? m.get("ko") : message;
                Object status = update instanceof Map<?, ?> m ? m.get("status") : null;
                yield status + ": " + ko;
            }
            case "incident.role_assigned" ->
                d.get("role") + " → " + d.get("member")
                        + (d.get("previous") == null ? "" : " (" + d.get("previous") + ")");
            case "component.status_changed" ->
                d.get("key") + ": " + d.get("from") + " → " + d.get("to")
                        + (d.get("reason") == null ? "" : " — " + d.get("reason"));
            default -> compact(d);
        };
    }

    private String compact(Object value) {
        try {
            String s = json.writeValueAsString(value);
            return s.length() > 300 ? s.substring(0, 300) + "…" : s;
        } catch (JsonProcessingException e) {
            return "";
        }
    }
}
