package cn.gz.youcheng.security.ui;

import cn.gz.youcheng.base.ui.Notices;
import cn.gz.youcheng.security.SecondFactor;
import cn.gz.youcheng.security.SignInThrottledException;
import cn.gz.youcheng.security.UserException;
import cn.gz.youcheng.security.UserService;
import cn.gz.youcheng.security.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.function.Consumer;

/** Any signed-in officer's own account: password, second factor, and signing out on every device. */
@Route("admin/account")
@Menu(title = "menu.admin.account", order = 40)
@PermitAll
class AccountView extends VerticalLayout implements HasDynamicTitle {

    private final UserService users;
    private final Div secondFactor = new Div();

    AccountView(UserService users, AuthenticationContext authentication) {
        this.users = users;
        secondFactor.setId("second-factor");
        Button signOutEverywhere = new Button(getTranslation("account.sign-out-everywhere"), event -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("account.sign-out-everywhere"),
                    getTranslation("account.sign-out-everywhere.confirm"), getTranslation("account.sign-out-everywhere"),
                    confirmed -> {
                        users.signOutEverywhere();
                        authentication.logout();
                    });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("admin.cancel"));
            confirm.open();
        });
        signOutEverywhere.setId("sign-out-everywhere");
        add(new H2(getTranslation("account.title")), passwordSection(),
                new H3(getTranslation("second-factor.title")), secondFactor,
                new H3(getTranslation("account.sessions")), new Paragraph(getTranslation("account.sessions.text")),
                signOutEverywhere);
        showSecondFactor();
    }

    private VerticalLayout passwordSection() {
        PasswordField current = new PasswordField(getTranslation("password.current"));
        current.setId("current-password");
        current.getElement().setAttribute("autocomplete", "current-password");
        PasswordField next = new PasswordField(getTranslation("password.new"));
        next.setId("new-password");
        next.setHelperText(getTranslation("password.rules"));
        next.getElement().setAttribute("autocomplete", "new-password");
        PasswordField repeat = new PasswordField(getTranslation("password.repeat"));
        repeat.setId("repeat-password");
        repeat.getElement().setAttribute("autocomplete", "new-password");
        Button save = new Button(getTranslation("password.change"), event -> {
            if (!next.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage(getTranslation("password.mismatch"));
                repeat.setInvalid(true);
                return;
            }
            repeat.setInvalid(false);
            try {
                users.changeOwnPassword(current.getValue(), next.getValue(), SignedInSession.address());
                current.clear();
                next.clear();
                repeat.clear();
                Notices.saved(getTranslation("password.changed"));
            } catch (UserException e) {
                Notices.error(AccountMessages.of(this, e));
            } catch (SignInThrottledException e) {
                Notices.error(getTranslation("account.throttled"));
            }
        });
        save.setId("change-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(current, next, repeat);
        form.setMaxWidth("30em");
        VerticalLayout section = new VerticalLayout(new H3(getTranslation("password.title")), form, save);
        section.setPadding(false);
        return section;
    }

    private void showSecondFactor() {
        secondFactor.removeAll();
        UserSummary me = users.me();
        if (me.secondFactor()) {
            Button renew = new Button(getTranslation("second-factor.recovery.renew"), event -> confirmPasswordThen(
                    password -> secondFactor.add(new RecoveryCodesPanel(
                            users.renewOwnRecoveryCodes(password, SignedInSession.address()), this::showSecondFactor))));
            renew.setId("renew-recovery-codes");
            secondFactor.add(new Paragraph(getTranslation("second-factor.on")), renew);
        } else {
            Button setUp = new Button(getTranslation("second-factor.set-up"), event -> confirmPasswordThen(password -> {
                // The secret stays on the server, in this view, until it is confirmed.
                SecondFactor.Enrolment enrolment = users.startOwnEnrolment(password, SignedInSession.address());
                secondFactor.add(new EnrolmentStep(enrolment, code -> users.confirmOwnEnrolment(enrolment, code),
                        this::showSecondFactor));
            }));
            setUp.setId("set-up-second-factor");
            secondFactor.add(new Paragraph(getTranslation("second-factor.off")), setUp);
        }
    }

    /** Changing how one signs in asks for the password once more: an open session alone is not enough. */
    private void confirmPasswordThen(Consumer<String> action) {
        secondFactor.removeAll();
        PasswordField password = new PasswordField(getTranslation("second-factor.confirm-password"));
        password.setId("confirm-password");
        password.getElement().setAttribute("autocomplete", "current-password");
        Button next = new Button(getTranslation("second-factor.continue"), event -> {
            try {
                String typed = password.getValue();
                secondFactor.removeAll();
                action.accept(typed);
            } catch (UserException e) {
                secondFactor.add(password, event.getSource());
                password.setErrorMessage(AccountMessages.of(this, e));
                password.setInvalid(true);
            } catch (SignInThrottledException e) {
                secondFactor.add(password, event.getSource());
                password.setErrorMessage(getTranslation("account.throttled"));
                password.setInvalid(true);
            }
        });
        next.setId("confirm-password-continue");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        secondFactor.add(password, next);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title") + " · " + getTranslation("app.name");
    }
}
