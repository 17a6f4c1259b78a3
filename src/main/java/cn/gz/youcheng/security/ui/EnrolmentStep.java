package cn.gz.youcheng.security.ui;

import cn.gz.youcheng.base.ui.Messages;
import cn.gz.youcheng.security.SecondFactor;
import cn.gz.youcheng.security.SignInFailedException;
import cn.gz.youcheng.security.UserException;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.function.Function;

/**
 * Setting up the second factor: the secret as a QR code and as text for an authenticator app, a code from the
 * app to confirm it, and then the recovery codes, shown this once.
 */
class EnrolmentStep extends VerticalLayout {

    private final TextField code = new TextField();

    /**
     * @param confirm confirms the code and answers the recovery codes, or throws a {@link SignInFailedException}
     *                or {@link UserException} whose key says why not
     * @param done    after the officer has saved the recovery codes
     */
    EnrolmentStep(SecondFactor.Enrolment enrolment, Function<String, List<String>> confirm, Runnable done) {
        setPadding(false);
        setMaxWidth("26em");
        Image qr = new Image(enrolment.qrCodeDataUri(), getTranslation("second-factor.qr"));
        qr.setId("enrolment-qr");
        qr.setWidth("240px");
        qr.setHeight("240px");
        Span secret = new Span(enrolment.groupedSecret());
        secret.setId("enrolment-secret");
        secret.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("font-size", "var(--lumo-font-size-l)");
        code.setId("enrolment-code");
        code.setLabel(getTranslation("second-factor.code"));
        code.setMaxLength(7);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        Button confirmButton = new Button(getTranslation("second-factor.confirm"), event -> {
            try {
                List<String> recoveryCodes = confirm.apply(code.getValue());
                removeAll();
                add(new RecoveryCodesPanel(recoveryCodes, done));
            } catch (SignInFailedException e) {
                refuse(Messages.text(this, e.message()));
            } catch (UserException e) {
                refuse(AccountMessages.of(this, e));
            }
        });
        confirmButton.setId("enrolment-confirm");
        confirmButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirmButton.addClickShortcut(Key.ENTER);
        add(new Paragraph(getTranslation("second-factor.scan")), qr,
                new Paragraph(getTranslation("second-factor.or-type")), secret, code, confirmButton);
    }

    private void refuse(String message) {
        code.clear();
        code.setErrorMessage(message);
        code.setInvalid(true);
        code.focus();
    }
}
