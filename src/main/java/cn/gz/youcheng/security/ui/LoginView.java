package cn.gz.youcheng.security.ui;

import cn.gz.youcheng.security.SignInThrottledException;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.security.web.WebAttributes;

/** Sign-in for the foreign affairs office. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    private final H2 title = new H2();
    private final LoginForm form = new LoginForm();
    private boolean failed;
    private boolean throttled;

    LoginView() {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setId("login-form");
        add(title, form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        // Spring Security leaves the reason of the last failure in the HTTP session.
        Object reason = VaadinSession.getCurrent().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        throttled = failed && reason instanceof SignInThrottledException;
        applyTexts();
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        applyTexts();
    }

    private void applyTexts() {
        title.setText(getTranslation("app.name"));
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation(throttled ? "login.throttled.title" : "login.failed.title"));
        i18n.getErrorMessage().setMessage(getTranslation(throttled ? "login.throttled.text" : "login.failed.text"));
        form.setI18n(i18n);
        form.setError(failed);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.name");
    }
}
