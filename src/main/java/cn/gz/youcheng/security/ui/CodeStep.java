package cn.gz.youcheng.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;

/** Sign-in, second step: the code from the authenticator app, or a recovery code. */
class CodeStep extends VerticalLayout {

    private final TextField code = new TextField();

    CodeStep(Consumer<String> onCode) {
        setPadding(false);
        setMaxWidth("22em");
        code.setId("sign-in-code");
        code.setLabel(getTranslation("login.code.label"));
        code.setHelperText(getTranslation("login.code.help"));
        code.setMaxLength(19);
        code.setWidthFull();
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setAutofocus(true);
        Button verify = new Button(getTranslation("login.code.verify"), event -> onCode.accept(code.getValue()));
        verify.setId("sign-in-verify");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.addClickShortcut(Key.ENTER);
        add(new H3(getTranslation("login.code.title")), new Paragraph(getTranslation("login.code.text")), code, verify);
    }

    void refuse(String message) {
        code.clear();
        code.setErrorMessage(message);
        code.setInvalid(true);
        code.focus();
    }
}
