package cn.gz.youcheng.registry.ui;

import cn.gz.youcheng.base.ui.ComponentTexts;
import cn.gz.youcheng.registry.PartnerEditing;
import cn.gz.youcheng.registry.RegistryCommands;
import cn.gz.youcheng.registry.RegistryService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;

/** 升级: records the sister-city agreement that replaces the partner's exchange memorandum. */
class UpgradeDialog extends Dialog {

    final DatePicker signedOn = ComponentTexts.dates(new DatePicker());
    final TextField placeSigned = new TextField();
    final TextField source = new TextField();
    final Button confirm = new Button();

    UpgradeDialog(PartnerEditor editor, RegistryService registry, PartnerEditing partner) {
        setId("upgrade-dialog");
        setHeaderTitle(getTranslation("admin.upgrade.title", partner.nameZh()));
        signedOn.setLabel(getTranslation("admin.field.signedOn"));
        signedOn.setId("upgrade-signedOn");
        signedOn.setLocale(getLocale());
        placeSigned.setLabel(getTranslation("admin.field.placeSigned"));
        placeSigned.setId("upgrade-placeSigned");
        source.setLabel(getTranslation("admin.field.source"));
        source.setId("upgrade-source");
        placeSigned.setMaxLength(RegistryCommands.PLACE);
        source.setMaxLength(RegistryCommands.SOURCE);
        Publication.published(placeSigned, source);
        add(new Paragraph(getTranslation("admin.upgrade.text")), new FormLayout(signedOn, placeSigned, source));
        confirm.setText(getTranslation("admin.upgrade"));
        confirm.setId("upgrade-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(event -> {
            if (editor.run(Map.of("signedOn", signedOn, "placeSigned", placeSigned, "source", source),
                    () -> registry.upgrade(new RegistryCommands.Upgrade(partner.id(), partner.version(),
                            signedOn.getValue(), placeSigned.getValue(), source.getValue())))) {
                close();
            }
        });
        getFooter().add(new Button(getTranslation("admin.cancel"), event -> close()), confirm);
    }
}
