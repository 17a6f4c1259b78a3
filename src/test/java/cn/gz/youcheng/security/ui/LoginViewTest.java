package cn.gz.youcheng.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.AdminTest;
import cn.gz.youcheng.KaribuTest;
import cn.gz.youcheng.security.SignInThrottledException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.WebAttributes;

@AdminTest
class LoginViewTest extends KaribuTest {

    @Test
    void aFailedSignInSaysSo() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                new BadCredentialsException("bad"));

        UI.getCurrent().navigate("login", QueryParameters.simple(java.util.Map.of("error", "")));

        LoginForm form = _get(LoginForm.class, spec -> spec.withId("login-form"));
        assertThat(form.isError()).isTrue();
        assertThat(i18n(form)).contains("Sign-in failed");
    }

    @Test
    void aThrottledSignInExplainsWhy() {
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                new SignInThrottledException());

        UI.getCurrent().navigate("login", QueryParameters.simple(java.util.Map.of("error", "")));

        LoginForm form = _get(LoginForm.class, spec -> spec.withId("login-form"));
        assertThat(form.isError()).isTrue();
        assertThat(i18n(form)).contains("失败次数过多", "15 分钟内失败 10 次");
    }

    /** The texts as sent to the browser. */
    private static String i18n(LoginForm form) {
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }
}
