package cn.gz.youcheng.security.ui;

import cn.gz.youcheng.base.ui.Messages;
import cn.gz.youcheng.security.SignInFailedException;
import cn.gz.youcheng.security.SignInService;
import cn.gz.youcheng.security.SignInService.PendingSignIn;
import cn.gz.youcheng.security.SignInThrottledException;
import cn.gz.youcheng.security.UserException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.login.AbstractLogin.LoginEvent;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Sign-in for the foreign affairs office, one step at a time (see {@link SignInService}): the password, then
 * the second factor's code, a new password or setting up the second factor where the account needs them. Each
 * step is an event on Vaadin's channel, so it carries Vaadin's CSRF token; the session is signed in only after
 * the last step.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
class LoginView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final SignInService signIn;
    private final RequestCache requestCache;
    private final AccessAnnotationChecker access;
    private final Clock clock;
    private final boolean secureCookies;
    private final H2 title = new H2();
    private final LoginForm form = new LoginForm();
    private final Div step = new Div();
    /** The sign-in under way, between the password and the last step; null before and after. */
    private @Nullable PendingSignIn pending;
    private String errorTitle = "login.failed.title";
    private String errorText = "";

    LoginView(SignInService signIn, RequestCache requestCache, AccessAnnotationChecker access, Clock clock,
            @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies) {
        this.secureCookies = secureCookies;
        this.signIn = signIn;
        this.requestCache = requestCache;
        this.access = access;
        this.clock = clock;
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        form.setForgotPasswordButtonVisible(false);
        form.setId("login-form");
        form.addLoginListener(this::password);
        step.setId("sign-in-step");
        add(title, form, step);
    }

    private void password(LoginEvent event) {
        try {
            pending = signIn.checkPassword(event.getUsername(), event.getPassword(), SignedInSession.address(),
                    SignedInSession.deviceCookie());
            next();
        } catch (SignInThrottledException e) {
            showError("login.throttled.title", getTranslation("login.throttled.text", until(e)));
        } catch (SignInFailedException e) {
            showError("login.failed.title", Messages.text(this, e.message()));
        }
    }

    private void next() {
        form.setVisible(false);
        step.removeAll();
        switch (pending().next()) {
            case CODE -> step.add(codeStep());
            case NEW_PASSWORD -> step.add(newPasswordStep());
            case ENROL -> step.add(new EnrolmentStep(signIn.enrolment(pending()),
                    code -> signIn.confirmEnrolment(pending(), code), this::next));
            case DONE -> finish();
        }
    }

    /** The steps after the password are shown only while a sign-in is under way. */
    private PendingSignIn pending() {
        return Objects.requireNonNull(pending, "a sign-in under way");
    }

    private CodeStep codeStep() {
        CodeStep[] self = new CodeStep[1];
        self[0] = new CodeStep(typed -> {
            try {
                pending = signIn.checkCode(pending(), typed);
                next();
            } catch (SignInThrottledException e) {
                self[0].refuse(getTranslation("login.throttled.text", until(e)));
            } catch (SignInFailedException e) {
                if (e.reason() == SignInFailedException.Reason.EXPIRED) {
                    startAgain(e);
                } else {
                    self[0].refuse(Messages.text(this, e.message()));
                }
            }
        });
        return self[0];
    }

    private NewPasswordStep newPasswordStep() {
        NewPasswordStep[] self = new NewPasswordStep[1];
        self[0] = new NewPasswordStep(typed -> {
            try {
                pending = signIn.chooseNewPassword(pending(), typed);
                next();
            } catch (UserException e) {
                self[0].refuse(AccountMessages.of(this, e));
            } catch (SignInFailedException e) {
                startAgain(e);
            }
        });
        return self[0];
    }

    private void finish() {
        SignInService.SignedIn signedIn;
        try {
            signedIn = signIn.complete(pending());
        } catch (SignInFailedException e) {
            startAgain(e);
            return;
        }
        String target = SignedInSession.establish(signedIn.authentication(), requestCache, access);
        SignedInSession.rememberDevice(signedIn.deviceCookie(), secureCookies);
        pending = null;
        UI.getCurrent().getPage().setLocation(target);
    }

    private void startAgain(SignInFailedException e) {
        pending = null;
        step.removeAll();
        form.setVisible(true);
        showError("login.failed.title", Messages.text(this, e.message()));
    }

    private void showError(String titleKey, String text) {
        errorTitle = titleKey;
        errorText = text;
        applyTexts();
        form.setError(true);
    }

    private String until(SignInThrottledException e) {
        return TIME.format(e.retryAt().atZone(clock.getZone()));
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
        i18n.getErrorMessage().setTitle(getTranslation(errorTitle));
        i18n.getErrorMessage().setMessage(errorText.isEmpty() ? getTranslation("login.failed.text") : errorText);
        form.setI18n(i18n);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.name");
    }
}
