package cn.gz.youcheng.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.AdminTest;
import cn.gz.youcheng.KaribuTest;
import cn.gz.youcheng.security.Authenticator;
import cn.gz.youcheng.security.Officer;
import cn.gz.youcheng.security.Role;
import cn.gz.youcheng.security.SignInThrottle;
import cn.gz.youcheng.security.UserService;
import com.github.mvysny.kaributesting.v10.LoginFormKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** The sign-in view's steps, driven as a browser would drive them, on the real services and database. */
@AdminTest
class LoginViewTest extends KaribuTest {

    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aWrongPasswordSaysSoAndSignsNobodyIn() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("login");

        LoginFormKt._login(form(), "nobody.here", "not a password");

        assertThat(form().isError()).isTrue();
        assertThat(i18n(form())).contains("Sign-in failed", "Check the username and password");
        assertThat(signedIn()).isNull();
    }

    @Test
    void afterTooManyFailuresTheViewSaysUntilWhenInChinese() {
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("login");
        for (int i = 0; i < SignInThrottle.PAIR_LIMIT; i++) {
            LoginFormKt._login(form(), "karibu.guessed", "guess number " + i);
        }

        LoginFormKt._login(form(), "karibu.guessed", "one more guess");

        assertThat(i18n(form())).contains("失败次数过多", "之后再试");
    }

    @Test
    void anEditorSignsInWithAPasswordAndTheSessionHoldsTheOfficer() {
        createUser("karibu.editor", "quiet reading room", Role.EDITOR, false);
        UI.getCurrent().navigate("login");

        LoginFormKt._login(form(), "karibu.editor", "quiet reading room");

        Officer officer = signedIn();
        assertThat(officer).isNotNull();
        assertThat(officer.username()).isEqualTo("karibu.editor");
        assertThat(officer.role()).isEqualTo(Role.EDITOR);
    }

    @Test
    void aNewAdministratorChoosesAPasswordSetsUpTheSecondFactorAndSavesRecoveryCodes() {
        createUser("karibu.admin", "written on a sticky note", Role.ADMIN, true);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("login");

        LoginFormKt._login(form(), "karibu.admin", "written on a sticky note");
        assertThat(_find(LoginForm.class, spec -> spec.withId("login-form"))).isEmpty();
        _setValue(_get(PasswordField.class, spec -> spec.withId("sign-in-new-password")), "guangzhou2026");
        _setValue(_get(PasswordField.class, spec -> spec.withId("sign-in-repeat-password")), "guangzhou2026");
        _click(_get(Button.class, spec -> spec.withId("sign-in-set-password")));
        PasswordField refused = _get(PasswordField.class, spec -> spec.withId("sign-in-new-password"));
        assertThat(refused.isInvalid()).isTrue();
        assertThat(refused.getErrorMessage()).startsWith("Too easy to guess.");

        _setValue(_get(PasswordField.class, spec -> spec.withId("sign-in-new-password")), "lychee season on the balcony");
        _setValue(_get(PasswordField.class, spec -> spec.withId("sign-in-repeat-password")), "lychee season on the balcony");
        _click(_get(Button.class, spec -> spec.withId("sign-in-set-password")));

        Authenticator phone = new Authenticator(_get(Span.class, spec -> spec.withId("enrolment-secret")).getText());
        _setValue(_get(TextField.class, spec -> spec.withId("enrolment-code")), phone.wrongCode());
        _click(_get(Button.class, spec -> spec.withId("enrolment-confirm")));
        assertThat(_get(TextField.class, spec -> spec.withId("enrolment-code")).isInvalid()).isTrue();
        assertThat(signedIn()).isNull();

        _setValue(_get(TextField.class, spec -> spec.withId("enrolment-code")), phone.nextCode());
        _click(_get(Button.class, spec -> spec.withId("enrolment-confirm")));
        UnorderedList codes = _get(UnorderedList.class, spec -> spec.withId("recovery-codes"));
        assertThat(codes.getChildren().count()).isEqualTo(10);
        assertThat(signedIn()).isNull();

        _click(_get(Button.class, spec -> spec.withId("recovery-codes-saved")));
        assertThat(signedIn().username()).isEqualTo("karibu.admin");

        assertThat(jdbc.sql("select event from account_event where account = 'karibu.admin' order by id")
                .query(String.class).list()).containsExactly("CREATED", "PASSWORD_CHANGED", "SECOND_FACTOR_ENROLLED");
    }

    @Test
    void anAdministratorWithASecondFactorGivesACodeAfterThePassword() {
        createUser("karibu.coded", "a lantern by the gate", Role.ADMIN, false);
        String secret = new DefaultSecretGenerator(32).generate();
        jdbc.sql("update app_user set totp_secret = :secret, totp_enrolled_at = now() where username = 'karibu.coded'")
                .param("secret", secret).update();
        Authenticator phone = new Authenticator(secret);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("login");

        LoginFormKt._login(form(), "karibu.coded", "a lantern by the gate");
        assertThat(signedIn()).isNull();
        _setValue(_get(TextField.class, spec -> spec.withId("sign-in-code")), phone.wrongCode());
        _click(_get(Button.class, spec -> spec.withId("sign-in-verify")));
        assertThat(_get(TextField.class, spec -> spec.withId("sign-in-code")).getErrorMessage()).contains("wrong");
        assertThat(signedIn()).isNull();

        _setValue(_get(TextField.class, spec -> spec.withId("sign-in-code")), phone.nextCode());
        _click(_get(Button.class, spec -> spec.withId("sign-in-verify")));

        assertThat(signedIn().username()).isEqualTo("karibu.coded");
        assertThat(_find(TextField.class, spec -> spec.withId("sign-in-code"))).isEmpty();
    }

    private void createUser(String username, String password, Role role, boolean mustChangePassword) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        users.create(username, password, role);
        SecurityContextHolder.clearContext();
        jdbc.sql("update app_user set must_change_password = :must where username = :username")
                .param("must", mustChangePassword).param("username", username).update();
    }

    private static LoginForm form() {
        return _get(LoginForm.class, spec -> spec.withId("login-form"));
    }

    /** The officer the HTTP session is signed in as, if any. */
    private static Officer signedIn() {
        Object context = VaadinSession.getCurrent().getSession()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof SecurityContext security && security.getAuthentication() != null
                && security.getAuthentication().getPrincipal() instanceof Officer officer ? officer : null;
    }

    /** The texts as sent to the browser. */
    private static String i18n(LoginForm form) {
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }
}
