package cn.gz.youcheng.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.function.Consumer;

/** Sign-in, when the password was set by somebody else: the officer chooses their own. */
class NewPasswordStep extends VerticalLayout {

    private final PasswordField password = new PasswordField();
    private final PasswordField repeat = new PasswordField();

    NewPasswordStep(Consumer<String> onPassword) {
        setPadding(false);
        setMaxWidth("22em");
        password.setId("sign-in-new-password");
        password.setLabel(getTranslation("password.new"));
        password.setHelperText(getTranslation("password.rules"));
        password.setWidthFull();
        password.getElement().setAttribute("autocomplete", "new-password");
        password.setAutofocus(true);
        repeat.setId("sign-in-repeat-password");
        repeat.setLabel(getTranslation("password.repeat"));
        repeat.setWidthFull();
        repeat.getElement().setAttribute("autocomplete", "new-password");
        Button save = new Button(getTranslation("login.new-password.save"), event -> {
            if (!password.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage(getTranslation("password.mismatch"));
                repeat.setInvalid(true);
                return;
            }
            repeat.setInvalid(false);
            password.setInvalid(false);
            onPassword.accept(password.getValue());
        });
        save.setId("sign-in-set-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        add(new H3(getTranslation("login.new-password.title")), new Paragraph(getTranslation("login.new-password.text")),
                password, repeat, save);
    }

    void refuse(String message) {
        password.setErrorMessage(message);
        password.setInvalid(true);
        password.focus();
    }
}
