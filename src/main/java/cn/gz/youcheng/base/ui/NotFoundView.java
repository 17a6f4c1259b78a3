package cn.gz.youcheng.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** Unknown pages and partners: a plain explanation and a way back, with HTTP status 404. */
@AnonymousAllowed
class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        H2 title = new H2(getTranslation("not-found.title"));
        title.setId("not-found");
        add(title, new Paragraph(getTranslation("not-found.text")), new Anchor("", getTranslation("not-found.home")));
        return HttpServletResponse.SC_NOT_FOUND;
    }

    /** The page's title says it is not there, as its heading does (screen readers announce the title first). */
    @Override
    public String getPageTitle() {
        return getTranslation("not-found.title") + " · " + getTranslation("app.name");
    }
}
