package bonbu.statuspage.site;

import bonbu.component.ComponentStatus;
import bonbu.incident.terms.IncidentStatus;
import bonbu.maintenance.MaintenanceStatus;
import bonbu.shared.Kst;
import bonbu.shared.LocalizedText;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The fixed wording of the public pages in one language, and how they write times. */
public enum Texts {
    KO("ko", "/"),
    EN("en", "/en/");

    /** Times in the Statuspage API and in pages' machine-readable attributes: Korea's offset, milliseconds. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    final String lang;
    /** The path of this language's front page; other pages are below {@link #prefix()}. */
    final String home;

    Texts(String lang, String home) {
        this.lang = lang;
        this.home = home;
    }

    /** {@code ko} or {@code en}. */
    public String lang() {
        return lang;
    }

    /** {@code 2023-11-17T09:40:00.000+09:00}; null for null. */
    public static String iso(Instant at) {
        return at == null ? null : ISO.format(OffsetDateTime.ofInstant(at, Kst.ZONE));
    }

    /** {@code 2023-11-17 09:40 KST}, as people read it on the page; null for null. */
    public static String shown(Instant at) {
        return at == null ? null : Kst.MINUTES.format(at);
    }

    /** What page paths start with: empty for Korean, {@code /en} for English. */
    public String prefix() {
        return this == KO ? "" : "/en";
    }

    /** Where this language's not-found page is kept; it is not served under its own path. */
    public String notFoundPath() {
        return prefix() + "/404.html";
    }

    Texts other() {
        return this == KO ? EN : KO;
    }

    /** Text in this language, falling back to Korean. */
    public String of(LocalizedText text) {
        if (text == null) return null;
        return this == KO ? text.ko() : text.enOrKo();
    }

    String status(ComponentStatus s) {
        return get("status." + s.value());
    }

    String status(IncidentStatus s) {
        return get("incident." + s.value());
    }

    String status(MaintenanceStatus s) {
        return get("maintenance." + s.value());
    }

    static String icon(ComponentStatus s) {
        return switch (s) {
            case OPERATIONAL -> "✔";
            case UNDER_MAINTENANCE -> "⚙";
            case DEGRADED_PERFORMANCE -> "▲";
            case PARTIAL_OUTAGE -> "◆";
            case MAJOR_OUTAGE -> "✖";
        };
    }

    String get(String key) {
        Map<String, String> table = this == KO ? KOREAN : ENGLISH;
        String value = table.get(key);
        if (value == null) throw new IllegalArgumentException("No public text '" + key + "'");
        return value;
    }

    /** All texts of this language, for templates ({@code t.key}) and the page's script. */
    Map<String, String> all() {
        return this == KO ? KOREAN : ENGLISH;
    }

    private static final Map<String, String> KOREAN = Map.ofEntries(
            Map.entry("lang.name", "한국어"),
            Map.entry("lang.switch", "English"),
            Map.entry("skip", "본문 바로가기"),
            Map.entry("nav.label", "주 메뉴"),
            Map.entry("nav.home", "현재 상태"),
            Map.entry("nav.history", "지난 장애"),
            Map.entry("nav.feed", "Atom 피드"),
            Map.entry("overall.none", "모든 서비스가 정상 운영 중입니다"),
            Map.entry("overall.minor", "일부 서비스의 성능이 저하되었습니다"),
            Map.entry("overall.major", "일부 서비스에 장애가 있습니다"),
            Map.entry("overall.critical", "주요 서비스에 장애가 있습니다"),
            Map.entry("overall.maintenance", "일부 서비스가 점검 중입니다"),
            Map.entry("asof", "마지막 변경"),
            Map.entry("stale", "서버와 연결이 원활하지 않아 아래 정보는 다음 시각 기준입니다:"),
            Map.entry("live.connecting", "실시간 연결 중"),
            Map.entry("live.open", "실시간 갱신 중"),
            Map.entry("live.closed", "실시간 연결 끊김 · 다시 연결하는 중"),
            Map.entry("live.updated", "마지막 갱신"),
            Map.entry("live.changed", "상태 변경"),
            Map.entry("live.more", "외 {n}개"),
            Map.entry("live.notice", "공지가 갱신되었습니다"),
            Map.entry("incidents.title", "진행 중인 장애"),
            Map.entry("incidents.none", "진행 중인 장애가 없습니다."),
            Map.entry("incident.affects", "영향받는 서비스"),
            Map.entry("incident.started", "시작"),
            Map.entry("incident.resolvedAt", "해결"),
            Map.entry("incident.identifiedAt", "원인 확인"),
            Map.entry("incident.mitigatedAt", "복구 조치"),
            Map.entry("incident.updates", "진행 상황"),
            Map.entry("incident.keyTimes", "주요 시각"),
            Map.entry("incident.more", "자세히 보기"),
            Map.entry("incident.duration", "지속 시간"),
            Map.entry("maintenance.title", "예정된 점검 및 진행 중인 점검"),
            Map.entry("maintenance.window", "점검 시간"),
            Map.entry("components.title", "서비스별 상태"),
            Map.entry("components.search", "서비스 검색"),
            Map.entry("components.searchButton", "검색"),
            Map.entry("components.searchHint", "서비스 이름으로 찾을 수 있습니다."),
            Map.entry("components.matches", "{n}개 서비스가 검색되었습니다"),
            Map.entry("components.noMatch", "검색된 서비스가 없습니다"),
            Map.entry("components.clear", "검색 지우기"),
            Map.entry("components.filtered", "검색 결과"),
            Map.entry("group.summary", "{total}개 중 {affected}개 영향"),
            Map.entry("group.allFine", "{total}개 모두 정상"),
            Map.entry("cause.via", "원인: {name}"),
            Map.entry("cause.investigating", "원인 조사 중"),
            Map.entry("cause.published", "장애 원인: {cause}"),
            Map.entry("alternatives", "대신 이용할 수 있는 방법"),
            Map.entry("alternative.hours", "이용 시간"),
            Map.entry("alternative.link", "바로가기"),
            Map.entry("history.label", "지난 90일"),
            Map.entry("history.clean", "지난 90일 동안 정상 운영"),
            Map.entry("history.days", "지난 90일 중 {list}"),
            Map.entry("history.daysOf", "{label} {n}일"),
            Map.entry("history.title", "지난 장애 기록"),
            Map.entry("history.none", "기록된 장애가 없습니다."),
            Map.entry("history.newer", "최근 기록"),
            Map.entry("history.older", "이전 기록"),
            Map.entry("history.page", "{page}쪽 / 전체 {pages}쪽"),
            Map.entry("notFound.title", "페이지를 찾을 수 없습니다"),
            Map.entry("notFound.body", "주소를 확인하시거나 현재 상태 페이지로 이동하세요."),
            Map.entry("feed.title", "장애 및 점검 소식"),
            Map.entry("status.operational", "정상"),
            Map.entry("status.degraded_performance", "성능 저하"),
            Map.entry("status.partial_outage", "부분 장애"),
            Map.entry("status.major_outage", "전면 장애"),
            Map.entry("status.under_maintenance", "점검 중"),
            Map.entry("incident.investigating", "조사 중"),
            Map.entry("incident.identified", "원인 확인"),
            Map.entry("incident.monitoring", "복구 후 관찰 중"),
            Map.entry("incident.resolved", "해결됨"),
            Map.entry("maintenance.scheduled", "예정"),
            Map.entry("maintenance.in_progress", "진행 중"),
            Map.entry("maintenance.verifying", "확인 중"),
            Map.entry("maintenance.completed", "완료"),
            Map.entry("maintenance.cancelled", "취소됨"),
            Map.entry("footer.about", "정부 디지털 서비스의 운영 상태를 알려 드립니다. 상태는 변경 즉시 반영됩니다."));

    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("lang.name", "English"),
            Map.entry("lang.switch", "한국어"),
            Map.entry("skip", "Skip to main content"),
            Map.entry("nav.label", "Main menu"),
            Map.entry("nav.home", "Current status"),
            Map.entry("nav.history", "Past incidents"),
            Map.entry("nav.feed", "Atom feed"),
            Map.entry("overall.none", "All services are operating normally"),
            Map.entry("overall.minor", "Some services are degraded"),
            Map.entry("overall.major", "Some services are partly down"),
            Map.entry("overall.critical", "Major services are down"),
            Map.entry("overall.maintenance", "Some services are under maintenance"),
            Map.entry("asof", "Last changed"),
            Map.entry("stale", "We cannot reach our servers right now; the information below is as of"),
            Map.entry("live.connecting", "Connecting for live updates"),
            Map.entry("live.open", "Live"),
            Map.entry("live.closed", "Live updates disconnected · reconnecting"),
            Map.entry("live.updated", "Updated at"),
            Map.entry("live.changed", "Status changed"),
            Map.entry("live.more", "and {n} more"),
            Map.entry("live.notice", "The notices were updated"),
            Map.entry("incidents.title", "Active incidents"),
            Map.entry("incidents.none", "There are no active incidents."),
            Map.entry("incident.affects", "Affected services"),
            Map.entry("incident.started", "Started"),
            Map.entry("incident.resolvedAt", "Resolved"),
            Map.entry("incident.identifiedAt", "Cause identified"),
            Map.entry("incident.mitigatedAt", "Fix in place"),
            Map.entry("incident.updates", "Updates"),
            Map.entry("incident.keyTimes", "Key times"),
            Map.entry("incident.more", "Details"),
            Map.entry("incident.duration", "Duration"),
            Map.entry("maintenance.title", "Scheduled and ongoing maintenance"),
            Map.entry("maintenance.window", "Window"),
            Map.entry("components.title", "Services"),
            Map.entry("components.search", "Find a service"),
            Map.entry("components.searchButton", "Search"),
            Map.entry("components.searchHint", "Search by the service's name."),
            Map.entry("components.matches", "{n} services found"),
            Map.entry("components.noMatch", "No service found"),
            Map.entry("components.clear", "Clear search"),
            Map.entry("components.filtered", "Search results"),
            Map.entry("group.summary", "{affected} of {total} affected"),
            Map.entry("group.allFine", "All {total} operational"),
            Map.entry("cause.via", "via {name}"),
            Map.entry("cause.investigating", "Cause under investigation"),
            Map.entry("cause.published", "Cause: {cause}"),
            Map.entry("alternatives", "What you can use instead"),
            Map.entry("alternative.hours", "Hours"),
            Map.entry("alternative.link", "Go"),
            Map.entry("history.label", "Last 90 days"),
            Map.entry("history.clean", "Operational for the last 90 days"),
            Map.entry("history.days", "Last 90 days: {list}"),
            Map.entry("history.daysOf", "{label} on {n} days"),
            Map.entry("history.title", "Past incidents"),
            Map.entry("history.none", "No incidents recorded."),
            Map.entry("history.newer", "Newer"),
            Map.entry("history.older", "Older"),
            Map.entry("history.page", "Page {page} of {pages}"),
            Map.entry("notFound.title", "Page not found"),
            Map.entry("notFound.body", "Check the address, or go to the current status."),
            Map.entry("feed.title", "Incidents and maintenance"),
            Map.entry("status.operational", "Operational"),
            Map.entry("status.degraded_performance", "Degraded performance"),
            Map.entry("status.partial_outage", "Partial outage"),
            Map.entry("status.major_outage", "Major outage"),
            Map.entry("status.under_maintenance", "Under maintenance"),
            Map.entry("incident.investigating", "Investigating"),
            Map.entry("incident.identified", "Identified"),
            Map.entry("incident.monitoring", "Monitoring"),
            Map.entry("incident.resolved", "Resolved"),
            Map.entry("maintenance.scheduled", "Scheduled"),
            Map.entry("maintenance.in_progress", "In progress"),
            Map.entry("maintenance.verifying", "Verifying"),
            Map.entry("maintenance.completed", "Completed"),
            Map.entry("maintenance.cancelled", "Cancelled"),
            Map.entry(
                    "footer.about",
                    "The operating status of government digital services, updated as soon as it changes."));
}
