package bonbu.console;

import bonbu.component.ComponentStatus;
import bonbu.incident.IncidentView;
import bonbu.incident.terms.CommandRole;
import bonbu.incident.terms.IncidentStatus;
import bonbu.incident.terms.LinkKind;
import bonbu.incident.terms.Severity;
import bonbu.security.StaffSession;
import bonbu.statuspage.site.UpdatePreview;
import bonbu.timeline.Timeline;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the incident room shows: the incident's state, roles, components, updates, links and timeline. */
@ApplicationScoped
class RoomModel {

    static final int TIMELINE_ENTRIES = 200;

    /** A role and who holds it now. */
    @TemplateData
    record RoleRow(String role, String label, String member, String since) {}

    /** A component the incident affects. */
    @TemplateData
    record ComponentRow(
            String key,
            String nameKo,
            String nameEn,
            int tier,
            boolean direct,
            String status,
            String statusLabel,
            String effective,
            String via) {}

    /** A published update, newest first. */
    @TemplateData
    record UpdateRow(String status, String ko, String en, String author, String at, String iso) {}

    /** A linked incident. */
    @TemplateData
    record LinkRow(String number, String title, String kind, String direction, String status) {}

    /** A timeline entry, newest first. */
    @TemplateData
    record Entry(long seq, String at, String iso, String actor, String type, String audience, String what) {}

    /** A refusal to show beside the form it concerns. */
    @TemplateData
    record Refusal(String form, String message) {}

    @Inject
    Timeline timeline;

    @Inject
    StaffSession session;

    @Inject
    EntryLines lines;

    @Location("console/room.html")
    Template page;

    String render(IncidentView incident, Map<String, String> typed, Refusal refusal, List<UpdatePreview> preview) {
        Map<String, String> values = new HashMap<>(typed);
        values.putIfAbsent("status", incident.status().value());
        values.putIfAbsent("severity", incident.severity().name());
        values.putIfAbsent("role", CommandRole.INCIDENT_COMMANDER.name());
        values.putIfAbsent("kind", "RELATED");
        values.putIfAbsent("componentStatus", ComponentStatus.OPERATIONAL.value());
        for (String field :
                List.of("messageKo", "messageEn", "member", "reason", "reopenReason", "other", "componentReason")) {
            values.putIfAbsent(field, "");
        }
        List<RoleRow> roles = new ArrayList<>();
        for (CommandRole r : CommandRole.values()) {
            IncidentView.Role held = incident.roles().stream()
                    .filter(h -> h.role() == r)
                    .findFirst()
                    .orElse(null);
            roles.add(new RoleRow(
                    r.name(),
                    Labels.of(r),
                    held == null ? "" : held.member(),
                    held == null ? "" : Forms.time(held.assumedAt())));
        }
        List<ComponentRow> components = incident.components().stream()
                .map(c -> new ComponentRow(
                        c.key(),
                        c.name().ko(),
                        c.name().en() == null ? "" : c.name().en(),
                        c.tier(),
                        c.direct(),
                        c.status().value(),
                        Labels.of(c.status()),
                        Labels.of(c.effectiveStatus()),
                        c.causes().stream()
                                .map(k -> k.name().ko() + " "
                                        + (k.name().en() == null ? "" : k.name().en()))
                                .collect(Collectors.joining(" → "))))
                .toList();
        List<UpdateRow> updates = new ArrayList<>();
        for (IncidentView.Update u : incident.updates()) {
            updates.add(new UpdateRow(
                    Labels.of(u.status()),
                    u.message().ko(),
                    u.message().en() == null ? "" : u.message().en(),
                    u.author(),
                    Forms.time(u.publishedAt()),
                    Forms.iso(u.publishedAt())));
        }
        List<LinkRow> links = incident.links().stream()
                .map(l -> new LinkRow(
                        l.number(),
                        l.title().ko(),
                        l.kind() == LinkKind.RECURRENCE_OF ? "재발 RECURRENCE_OF" : "관련 RELATED",
                        "outgoing".equals(l.direction()) ? "→" : "←",
                        Labels.of(l.status())))
                .toList();
        List<Entry> entries = timeline.ofIncident(incident.number(), TIMELINE_ENTRIES).stream()
                .map(lines::entry)
                .toList();
        IncidentView.KeyTimes k = incident.keyTimes();
        Map<String, String> times = new java.util.LinkedHashMap<>();
        times.put("감지 Detected", Forms.time(k.detectedAt()));
        times.put("선언 Declared", Forms.time(k.declaredAt()));
        times.put("원인 파악 Identified", Forms.time(k.identifiedAt()));
        times.put("완화 Mitigated", Forms.time(k.mitigatedAt()));
        times.put("해결 Resolved", Forms.time(k.resolvedAt()));
        boolean active = incident.status() != IncidentStatus.RESOLVED;
        return page.data("session", ConsoleSession.of(session))
                .data("number", incident.number())
                .data("titleKo", incident.title().ko())
                .data(
                        "titleEn",
                        incident.title().en() == null ? "" : incident.title().en())
                .data("status", Labels.of(incident.status()))
                .data("severity", incident.severity().name())
                .data("commander", incident.commander() == null ? "—" : incident.commander())
                .data("overdue", incident.updateOverdue())
                .data("lastUpdate", Forms.time(incident.lastUpdateAt()))
                .data("active", active)
                .data("version", incident.version())
                .data(
                        "times",
                        times.entrySet().stream()
                                .map(e -> new Labels.Option(
                                        e.getKey(), e.getValue().isEmpty() ? "—" : e.getValue()))
                                .toList())
                .data("roles", roles)
                .data("components", components)
                .data("updates", updates)
                .data("links", links)
                .data("entries", entries)
                .data("typed", values)
                .data("refusal", refusal == null ? new Refusal("", "") : refusal)
                .data("preview", preview)
                .data("roleOptions", Labels.roles())
                .data("componentStatuses", Labels.componentStatuses())
                .data("incidentStatuses", Labels.incidentStatuses())
                .data(
                        "severities",
                        Arrays.stream(Severity.values()).map(Enum::name).toList())
                .render();
    }
}
