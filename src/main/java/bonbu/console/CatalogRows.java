package bonbu.console;

import bonbu.component.Alternative;
import bonbu.component.ComponentKind;
import bonbu.component.ComponentView;
import bonbu.shared.LocalizedText;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The catalog pages' rows: a component as the list and the detail page show it. */
final class CatalogRows {

    /** A component as the catalog lists it. */
    @TemplateData
    record Row(
            String key,
            String nameKo,
            String nameEn,
            String groupKo,
            String groupEn,
            String kind,
            int tier,
            boolean isPublic,
            String descriptionKo,
            String descriptionEn,
            String status,
            String effective,
            String via,
            List<Link> upstreams,
            List<Link> downstreams,
            List<AlternativeRow> alternatives) {}

    /** The other end of a dependency. */
    @TemplateData
    record Link(String key, String name, String kind) {}

    /** An alternative channel as its form row shows it. */
    @TemplateData
    record AlternativeRow(
            int index,
            String nameKo,
            String nameEn,
            String howToKo,
            String howToEn,
            String url,
            String hoursKo,
            String hoursEn,
            String component) {}

    private CatalogRows() {}

    static Row row(ComponentView c) {
        List<AlternativeRow> alternatives = new ArrayList<>();
        for (Alternative a : c.alternatives()) {
            alternatives.add(new AlternativeRow(
                    alternatives.size() + 1,
                    a.name().ko(),
                    en(a.name()),
                    a.howTo() == null ? "" : a.howTo().ko(),
                    en(a.howTo()),
                    Forms.orEmpty(a.url()),
                    a.hours() == null ? "" : a.hours().ko(),
                    en(a.hours()),
                    Forms.orEmpty(a.component())));
        }
        return new Row(
                c.key(),
                c.name().ko(),
                en(c.name()),
                c.group().ko(),
                en(c.group()),
                c.kind().name(),
                c.tier(),
                c.isPublic(),
                c.description() == null ? "" : c.description().ko(),
                en(c.description()),
                Labels.of(c.status()),
                Labels.of(c.effectiveStatus()),
                c.causes().stream().map(k -> k.name().ko()).collect(Collectors.joining(" → ")),
                c.upstreams().stream()
                        .map(l -> new Link(l.key(), l.name().ko(), l.kind().name()))
                        .toList(),
                c.downstreams().stream()
                        .map(l -> new Link(l.key(), l.name().ko(), l.kind().name()))
                        .toList(),
                alternatives);
    }

    static List<Labels.Option> kinds() {
        return List.of(
                new Labels.Option(ComponentKind.PUBLIC_SERVICE.name(), "대국민 서비스 PUBLIC_SERVICE"),
                new Labels.Option(ComponentKind.STAFF_SYSTEM.name(), "업무 시스템 STAFF_SYSTEM"),
                new Labels.Option(ComponentKind.SHARED_INFRASTRUCTURE.name(), "공통 기반 SHARED_INFRASTRUCTURE"));
    }

    static String en(LocalizedText t) {
        return t == null || t.en() == null ? "" : t.en();
    }
}
