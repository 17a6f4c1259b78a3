package cn.gz.youcheng.base.ui;

import cn.gz.youcheng.base.DatabaseFailures;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Errors after a page is shown (scrolling the grid, a button): a notice in the visitor's language instead of
 * a silent failure; a database outage says to try again shortly.
 */
@Component
class SessionErrors implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(SessionErrors.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(SessionErrors::handle));
    }

    private static void handle(ErrorEvent event) {
        boolean database = DatabaseFailures.isUnavailable(event.getThrowable());
        if (database) {
            log.warn("Request failed: the database is unavailable ({})", event.getThrowable().getMessage());
        } else {
            log.error("Unexpected error", event.getThrowable());
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            Notices.error(ui.getTranslation(database ? "error.database.text" : "error.unexpected.text"));
        }
    }
}
