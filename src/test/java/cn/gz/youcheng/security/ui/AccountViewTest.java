package cn.gz.youcheng.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.AdminTest;
import cn.gz.youcheng.KaribuTest;
import cn.gz.youcheng.security.Authenticator;
import cn.gz.youcheng.security.ClientAddress;
import cn.gz.youcheng.security.Officer;
import cn.gz.youcheng.security.Role;
import cn.gz.youcheng.security.SessionRevocation;
import cn.gz.youcheng.security.SignInService;
import cn.gz.youcheng.security.UserService;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An officer's own account: password, two-step verification, signing out everywhere. */
@AdminTest
class AccountViewTest extends KaribuTest {

    @Autowired
    UserService users;
    @Autowired
    SignInService signIn;
    @Autowired
    SessionRevocation revocation;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anEditorSetsUpTwoStepVerificationAndGetsRecoveryCodesOnce() {
        editor("careful.editor", "an editor who is careful");
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("admin/account");

        _click(_get(Button.class, spec -> spec.withId("set-up-second-factor")));
        // Changing how one signs in asks for the password again.
        _setValue(_get(PasswordField.class, spec -> spec.withId("confirm-password")), "not the password");
        _click(_get(Button.class, spec -> spec.withId("confirm-password-continue")));
        assertThat(_get(PasswordField.class, spec -> spec.withId("confirm-password")).isInvalid()).isTrue();
        _setValue(_get(PasswordField.class, spec -> spec.withId("confirm-password")), "an editor who is careful");
        _click(_get(Button.class, spec -> spec.withId("confirm-password-continue")));
        Authenticator phone = new Authenticator(_get(Span.class, spec -> spec.withId("enrolment-secret")).getText());
        _setValue(_get(TextField.class, spec -> spec.withId("enrolment-code")), phone.nextCode());
        _click(_get(Button.class, spec -> spec.withId("enrolment-confirm")));

        assertThat(_get(UnorderedList.class, spec -> spec.withId("recovery-codes")).getChildren().count()).isEqualTo(10);
        _click(_get(Button.class, spec -> spec.withId("recovery-codes-saved")));
        _get(Button.class, spec -> spec.withId("renew-recovery-codes"));
        assertThat(jdbc.sql("select totp_secret is not null from app_user where username = 'careful.editor'")
                .query(Boolean.class).single()).isTrue();
        assertThat(events("careful.editor")).contains("SECOND_FACTOR_ENROLLED");

        _click(_get(Button.class, spec -> spec.withId("renew-recovery-codes")));
        _setValue(_get(PasswordField.class, spec -> spec.withId("confirm-password")), "an editor who is careful");
        _click(_get(Button.class, spec -> spec.withId("confirm-password-continue")));
        assertThat(_get(UnorderedList.class, spec -> spec.withId("recovery-codes")).getChildren().count()).isEqualTo(10);
        assertThat(events("careful.editor")).contains("RECOVERY_CODES_RENEWED");
    }

    @Test
    void aWeakNewPasswordIsRefusedWithItsReasonInChinese() {
        editor("hasty.editor", "an editor in a hurry");
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("admin/account");

        _setValue(_get(PasswordField.class, spec -> spec.withId("current-password")), "an editor in a hurry");
        _setValue(_get(PasswordField.class, spec -> spec.withId("new-password")), "qwertyuiop");
        _setValue(_get(PasswordField.class, spec -> spec.withId("repeat-password")), "qwertyuiop");
        _click(_get(Button.class, spec -> spec.withId("change-password")));

        NotificationsKt.expectNotifications("过于容易猜到。这是非常常见的密码。");
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfTheAccount() {
        editor("leaving.desk", "the last day at this desk");
        Officer atAnotherDesk = signIn.complete(signIn.checkPassword("leaving.desk", "the last day at this desk",
                ClientAddress.of("198.51.100.60"), null)).authentication().getPrincipal() instanceof Officer officer
                ? officer : null;
        assertThat(revocation.reasonToEnd(atAnotherDesk)).isEmpty();
        UI.getCurrent().navigate("admin/account");

        _click(_get(Button.class, spec -> spec.withId("sign-out-everywhere")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(revocation.reasonToEnd(atAnotherDesk)).contains("the account was changed since this session signed in");
        assertThat(events("leaving.desk")).contains("SIGNED_OUT_EVERYWHERE");
    }

    private void editor(String username, String password) {
        login("admin", Role.ADMIN);
        users.create(username, password, Role.EDITOR);
        jdbc.sql("update app_user set must_change_password = false where username = :u").param("u", username).update();
        login(username, Role.EDITOR);
    }

    private java.util.List<String> events(String account) {
        return jdbc.sql("select event from account_event where account = :a order by id").param("a", account)
                .query(String.class).list();
    }
}
