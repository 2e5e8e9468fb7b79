package bonbu.statuspage;

import bonbu.component.Catalog;
import bonbu.component.ComponentStatus;
import bonbu.component.ComponentView;
import bonbu.shared.LocalizedText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The one decision of what anonymous readers may see: the public components behind the public
 * pages, the feed and the Statuspage v2 JSON, and what a status is caused by, named the way the
 * page names it.
 */
@ApplicationScoped
public class PublicProjection {

    @Inject
    Catalog catalog;

    /** The public components, in catalog order, with effective statuses and causes. */
    List<ComponentView> components() {
        return catalog.all().stream().filter(ComponentView::isPublic).toList();
    }

    /**
     * What the public page says a component suffers from: the component at the far end of its cause
     * chain, by name; null while it is operational or its own status explains it.
     */
    static LocalizedText causeOf(ComponentView c) {
        if (c.effectiveStatus() == ComponentStatus.OPERATIONAL || c.causes().isEmpty()) return null;
        return c.causes().get(c.causes().size() - 1).name();
    }
}
