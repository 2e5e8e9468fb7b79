package bonbu.statuspage.site;

import static bonbu.statuspage.site.LanguagePages.fill;

import bonbu.component.Alternative;
import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.shared.LocalizedText;
import bonbu.statuspage.PublicProjection;
import bonbu.statuspage.PublicState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The front page's groups of component rows, each with its cause, alternatives and 90-day bar. */
final class ComponentRows {

    /** Above this many public components, only groups with trouble start open. */
    static final int OPEN_ALL_UP_TO = 100;

    private final PublicState state;
    private final Texts t;
    private final Map<String, ComponentView> byKey;

    ComponentRows(PublicState state, Texts t, Map<String, ComponentView> byKey) {
        this.state = state;
        this.t = t;
        this.byKey = byKey;
    }

    List<Views.Group> groups(String query) {
        Map<String, List<ComponentView>> byGroup = new LinkedHashMap<>();
        for (ComponentView c : state.components()) {
            if (query != null && !search(c).contains(query)) continue;
            byGroup.computeIfAbsent(c.group().ko(), g -> new ArrayList<>()).add(c);
        }
        boolean openAll = query != null || state.components().size() <= OPEN_ALL_UP_TO;
        List<Views.Group> groups = new ArrayList<>();
        for (List<ComponentView> members : byGroup.values()) {
            ComponentStatus worst = ComponentStatus.OPERATIONAL;
            int affected = 0;
            for (ComponentView c : members) {
                if (c.effectiveStatus() != ComponentStatus.OPERATIONAL) affected++;
                if (c.effectiveStatus().isWorseThan(worst)) worst = c.effectiveStatus();
            }
            List<Views.Row> rows = members.stream()
                    .sorted(Comparator.comparing(
                            (ComponentView c) -> -c.effectiveStatus().ordinal()))
                    .map(this::row)
                    .toList();
            String summary = affected == 0
                    ? fill(t.get("group.allFine"), "total", members.size())
                    : fill(fill(t.get("group.summary"), "total", members.size()), "affected", affected);
            groups.add(new Views.Group(
                    PublicState.groupId(members.get(0)),
                    t.of(members.get(0).group()),
                    worst.value(),
                    t.status(worst),
                    Texts.icon(worst),
                    summary,
                    openAll || affected > 0,
                    rows));
        }
        // Groups with trouble first, worst first; the rest keep catalog order.
        groups.sort(Comparator.comparing((Views.Group g) ->
                -ComponentStatus.valueOf(g.status().toUpperCase(Locale.ROOT)).ordinal()));
        return groups;
    }

    String search(ComponentView c) {
        return (c.name().ko() + " " + (c.name().en() == null ? "" : c.name().en()) + " " + c.key())
                .toLowerCase(Locale.ROOT);
    }

    Views.Row row(ComponentView c) {
        ComponentStatus s = c.effectiveStatus();
        LocalizedText root = PublicProjection.causeOf(c);
        String cause = root == null ? null : fill(t.get("cause.via"), "name", t.of(root));
        List<Views.AlternativeView> alternatives = new ArrayList<>();
        for (Alternative a : c.alternatives()) {
            ComponentView provider = a.component() == null ? null : byKey.get(a.component());
            alternatives.add(new Views.AlternativeView(
                    t.of(a.name()),
                    t.of(a.howTo()),
                    a.url(),
                    t.of(a.hours()),
                    provider == null ? null : t.status(provider.effectiveStatus())));
        }
        return new Views.Row(
                c.key(),
                t.of(c.name()),
                search(c),
                s.value(),
                t.status(s),
                Texts.icon(s),
                cause,
                t.of(c.description()),
                alternatives,
                history(c.key()));
    }

    Views.History history(String key) {
        List<ComponentStatus> days = state.history().get(key);
        if (days == null) return new Views.History(t.get("history.clean"), List.of());
        LocalDate first = state.today().minusDays(days.size() - 1);
        Map<ComponentStatus, Integer> counts = new EnumMap<>(ComponentStatus.class);
        List<Views.Day> cells = new ArrayList<>(days.size());
        for (int d = 0; d < days.size(); d++) {
            ComponentStatus s = days.get(d);
            if (s != ComponentStatus.OPERATIONAL) counts.merge(s, 1, Integer::sum);
            cells.add(new Views.Day(s.value(), first.plusDays(d) + ": " + t.status(s)));
        }
        List<String> parts = new ArrayList<>();
        for (ComponentStatus s : List.of(
                ComponentStatus.MAJOR_OUTAGE,
                ComponentStatus.PARTIAL_OUTAGE,
                ComponentStatus.DEGRADED_PERFORMANCE,
                ComponentStatus.UNDER_MAINTENANCE)) {
            Integer n = counts.get(s);
            if (n != null) parts.add(fill(fill(t.get("history.daysOf"), "label", t.status(s)), "n", n));
        }
        return new Views.History(fill(t.get("history.days"), "list", String.join(", ", parts)), cells);
    }
}
