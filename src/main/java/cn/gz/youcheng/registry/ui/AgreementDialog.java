package cn.gz.youcheng.registry.ui;

import cn.gz.youcheng.base.ui.ComponentTexts;
import cn.gz.youcheng.registry.PartnerEditing.AgreementEditing;
import cn.gz.youcheng.registry.RegistryCommands;
import cn.gz.youcheng.registry.RegistryService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.Objects;

/** Corrects an agreement's details: signing date, place and source (published), internal note (not). */
class AgreementDialog extends Dialog {

    final DatePicker signedOn = ComponentTexts.dates(new DatePicker());
    final TextField placeSigned = new TextField();
    final TextField source = new TextField();
    final TextArea internalNote = new TextArea();
    final Button save = new Button();

    AgreementDialog(PartnerEditor editor, RegistryService registry, AgreementEditing agreement) {
        setId("agreement-dialog");
        setHeaderTitle(getTranslation("admin.edit-agreement"));
        signedOn.setLabel(getTranslation("admin.field.signedOn"));
        signedOn.setId("agreement-signedOn");
        signedOn.setLocale(getLocale());
        signedOn.setValue(agreement.signedOn());
        placeSigned.setLabel(getTranslation("admin.field.placeSigned"));
        placeSigned.setValue(Objects.requireNonNullElse(agreement.placeSigned(), ""));
        placeSigned.setId("agreement-placeSigned");
        source.setLabel(getTranslation("admin.field.source"));
        source.setValue(Objects.requireNonNullElse(agreement.source(), ""));
        source.setId("agreement-source");
        internalNote.setLabel(getTranslation("admin.field.internalNote"));
        internalNote.setValue(Objects.requireNonNullElse(agreement.internalNote(), ""));
        internalNote.setId("agreement-internalNote");
        placeSigned.setMaxLength(RegistryCommands.PLACE);
        source.setMaxLength(RegistryCommands.SOURCE);
        internalNote.setMaxLength(RegistryCommands.NOTE);
        Publication.published(placeSigned, source);
        Publication.internal(internalNote);
        add(new FormLayout(signedOn, placeSigned, source, internalNote));
        save.setText(getTranslation("admin.save"));
        save.setId("agreement-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(event -> {
            if (editor.run(Map.of("signedOn", signedOn, "placeSigned", placeSigned, "source", source,
                            "internalNote", internalNote),
                    () -> registry.editAgreement(new RegistryCommands.EditAgreement(agreement.id(), agreement.version(),
                            signedOn.getValue(), placeSigned.getValue(), source.getValue(), internalNote.getValue())))) {
                close();
            }
        });
        getFooter().add(new Button(getTranslation("admin.cancel"), event -> close()), save);
    }
}
