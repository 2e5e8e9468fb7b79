package bonbu.statuspage.site;

import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Map;

/** What the public templates show, already in one language and formatted: no logic in templates. */
final class Views {

    private Views() {}

    /** Everything every page has: language, links, the overall state and how fresh it is. */
    @TemplateData
    record Frame(
            String lang,
            String otherLang,
            String otherHref,
            String prefix,
            String title,
            String siteName,
            Map<String, String> t,
            Overall overall,
            String asOf,
            String asOfIso,
            boolean stale,
            long seq,
            String labelsJson) {}

    @TemplateData
    record Overall(String indicator, String icon, String text) {}

    @TemplateData
    record Home(Frame frame, Notices notices, List<Group> groups, int componentCount, String query) {}

    @TemplateData
    record Notices(Frame frame, List<IncidentCard> incidents, List<MaintenanceCard> maintenances) {}

    @TemplateData
    record Group(
            String id,
            String name,
            String status,
            String statusLabel,
            String icon,
            String summary,
            boolean open,
            List<Row> rows) {}

    @TemplateData
    record Row(
            String key,
            String name,
            String search,
            String status,
            String statusLabel,
            String icon,
            String cause,
            String description,
            List<AlternativeView> alternatives,
            History history) {}

    @TemplateData
    record AlternativeView(String name, String howTo, String url, String hours, String providerStatus) {}

    /** A 90-day bar: {@code days} is empty when every day was operational. */
    @TemplateData
    record History(String text, List<Day> days) {}

    @TemplateData
    record Day(String status, String label) {}

    @TemplateData
    record IncidentCard(
            String number,
            String href,
            String title,
            String status,
            String statusLabel,
            String impact,
            String started,
            String startedIso,
            String resolved,
            String resolvedIso,
            String duration,
            String cause,
            List<String> components,
            List<UpdateView> updates,
            List<KeyTime> keyTimes) {}

    @TemplateData
    record KeyTime(String label, String at, String iso) {}

    @TemplateData
    record UpdateView(String status, String statusLabel, String body, String at, String iso) {}

    @TemplateData
    record MaintenanceCard(
            String number,
            String title,
            String status,
            String statusLabel,
            String window,
            String fromIso,
            String untilIso,
            String message,
            List<String> components) {}

    @TemplateData
    record IncidentPage(Frame frame, IncidentCard incident) {}

    @TemplateData
    record HistoryPage(
            Frame frame, List<IncidentCard> incidents, String pageText, String newerHref, String olderHref) {}

    @TemplateData
    record NotFound(Frame frame) {}
}
