package cn.gz.youcheng.directory.ui;

import org.jspecify.annotations.Nullable;
import cn.gz.youcheng.base.ui.Language;
import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import java.util.Locale;

/**
 * A view drawn from the directory's URL filter: drawn again when the URL changes, and when the visitor's
 * language does (charts carry their labels in the option the server sends).
 */
abstract class FilteredView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver {

    protected final DirectoryQueries queries;
    private final UrlFilter urlFilter;
    // Both set by beforeEnter, before anything is rendered.
    @SuppressWarnings("NullAway.Init")
    private DirectoryParameters.Parsed parsed;
    private @Nullable Locale renderedIn;

    FilteredView(DirectoryQueries queries) {
        this.queries = queries;
        this.urlFilter = new UrlFilter(queries);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        parsed = urlFilter.read(event);
        draw();
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        if (parsed != null && !event.getLocale().equals(renderedIn)) {
            draw();
        }
    }

    private void draw() {
        renderedIn = getLocale();
        render(parsed);
    }

    protected abstract void render(DirectoryParameters.Parsed parsed);

    protected boolean chinese() {
        return Language.chinese(getLocale());
    }
}
