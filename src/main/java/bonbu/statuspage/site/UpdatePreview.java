package bonbu.statuspage.site;

import bonbu.incident.terms.IncidentStatus;
import bonbu.shared.LocalizedText;
import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.List;

/**
 * An incident update as citizens would read it on the public incident page, in each language,
 * before it is published: the same wording, the same English fallback, and the same fragment
 * ({@code statuspage/update-item.html}) the public page renders.
 */
@TemplateData
public record UpdatePreview(String lang, String status, String statusLabel, String body, String at, String iso) {

    /** The update in Korean and in English, as if published at {@code at}. */
    public static List<UpdatePreview> of(IncidentStatus status, LocalizedText message, Instant at) {
        return List.of(in(Texts.KO, status, message, at), in(Texts.EN, status, message, at));
    }

    private static UpdatePreview in(Texts t, IncidentStatus status, LocalizedText message, Instant at) {
        return new UpdatePreview(
                t.lang, status.value(), t.status(status), t.of(message), Texts.shown(at), Texts.iso(at));
    }
}
