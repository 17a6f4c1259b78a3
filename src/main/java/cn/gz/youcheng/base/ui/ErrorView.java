package cn.gz.youcheng.base.ui;

import cn.gz.youcheng.base.LogSafe;
import cn.gz.youcheng.base.DatabaseFailures;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a visitor sees when a page cannot be shown: a database outage is explained as such (try again
 * shortly), anything else as an error that has been logged. Never a stack trace.
 */
@AnonymousAllowed
class ErrorView extends VerticalLayout implements HasErrorParameter<Exception>, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    /** The page's title says what happened, as its heading does (screen readers announce the title first). */
    private String title = "";

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        removeAll();
        setId("error-view");
        boolean database = DatabaseFailures.isUnavailable(parameter.getCaughtException());
        if (database) {
            log.warn("Page {} not shown: the database is unavailable", LogSafe.of(event.getLocation().getPath()));
        } else {
            log.error("Page {} failed", LogSafe.of(event.getLocation().getPath()), parameter.getCaughtException());
        }
        String key = database ? "error.database" : "error.unexpected";
        title = getTranslation(key + ".title") + " · " + getTranslation("app.name");
        add(new H2(getTranslation(key + ".title")), new Paragraph(getTranslation(key + ".text")),
                new Anchor(event.getLocation().getPathWithQueryParameters(), getTranslation("error.retry")));
        return database ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
