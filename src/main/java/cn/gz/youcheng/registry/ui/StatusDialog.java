package cn.gz.youcheng.registry.ui;

import cn.gz.youcheng.base.ui.ComponentTexts;
import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.PartnerEditing.AgreementEditing;
import cn.gz.youcheng.registry.RegistryCommands;
import cn.gz.youcheng.registry.RegistryService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;

/** Suspends, ends or reinstates an agreement from a date, for a reason (published), with an internal note (not). */
class StatusDialog extends Dialog {

    final DatePicker effectiveOn = ComponentTexts.dates(new DatePicker());
    final TextArea reason = new TextArea();
    final TextArea internalNote = new TextArea();
    final Button confirm = new Button();

    StatusDialog(PartnerEditor editor, RegistryService registry, AgreementEditing agreement, AgreementStatus status,
            String action) {
        setId("status-dialog");
        setHeaderTitle(action);
        effectiveOn.setLabel(getTranslation("admin.field.effectiveOn"));
        effectiveOn.setId("status-effectiveOn");
        effectiveOn.setLocale(getLocale());
        effectiveOn.setMin(agreement.latestChangeOn());
        reason.setLabel(getTranslation("admin.field.reason"));
        reason.setId("status-reason");
        reason.setMaxLength(RegistryCommands.REASON);
        internalNote.setLabel(getTranslation("admin.field.internalNote"));
        internalNote.setId("status-internalNote");
        internalNote.setMaxLength(RegistryCommands.NOTE);
        Publication.published(reason);
        Publication.internal(internalNote);
        add(new FormLayout(effectiveOn, reason, internalNote));
        confirm.setText(action);
        confirm.setId("status-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(event -> {
            if (editor.run(Map.of("effectiveOn", effectiveOn, "reason", reason, "internalNote", internalNote),
                    () -> registry.changeStatus(new RegistryCommands.ChangeStatus(agreement.id(), agreement.version(),
                            status, effectiveOn.getValue(), reason.getValue(), internalNote.getValue())))) {
                close();
            }
        });
        getFooter().add(new Button(getTranslation("admin.cancel"), event -> close()), confirm);
    }
}
