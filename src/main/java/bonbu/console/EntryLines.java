package bonbu.console;

import bonbu.component.ComponentFact;
import bonbu.incident.IncidentFact;
import bonbu.incident.terms.IncidentStatus;
import bonbu.shared.LocalizedText;
import bonbu.timeline.TimelineEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
        IncidentFact incident = e.fact(IncidentFact.class);
        if (incident instanceof IncidentFact.IncidentDeclared declared) {
            IncidentFact.Update update = declared.update();
            return update == null ? said(null, null) : said(update.status(), update.message());
        }
        if (incident instanceof IncidentFact.UpdatePublished update) {
            return said(update.status(), update.message());
        }
        if (incident instanceof IncidentFact.RoleAssigned assigned) {
            return assigned.role() + " → " + assigned.member()
                    + (assigned.previous() == null ? "" : " (" + assigned.previous() + ")");
        }
        if (e.fact(ComponentFact.class) instanceof ComponentFact.ComponentStatusChanged changed) {
            return changed.key() + ": " + changed.from() + " → " + changed.to()
                    + (changed.reason() == null ? "" : " — " + changed.reason());
        }
        return compact(e.data());
    }

    /** An update's status and Korean message. */
    private static String said(IncidentStatus status, LocalizedText message) {
        return status + ": " + (message == null ? null : message.ko());
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
