package cn.gz.youcheng.registry.ui;

import cn.gz.youcheng.base.ui.ComponentTexts;
import cn.gz.youcheng.registry.ExchangeEditing;
import cn.gz.youcheng.registry.ExchangeKind;
import cn.gz.youcheng.registry.ExchangeService;
import cn.gz.youcheng.registry.ExchangeTheme;
import cn.gz.youcheng.registry.PartnerEditing;
import cn.gz.youcheng.registry.RegistryCommands;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Adds an exchange to a partner, or edits one: every field of {@link RegistryCommands.SaveExchange}. */
class ExchangeDialog extends Dialog {

    /** The choice of no agreement in particular: ids are positive. */
    private static final long NO_AGREEMENT = 0;

    final Select<Long> agreement = new Select<>();
    final DatePicker startsOn = ComponentTexts.dates(new DatePicker());
    final DatePicker endsOn = ComponentTexts.dates(new DatePicker());
    final Select<ExchangeKind> kind = new Select<>();
    // A combo box rather than a group of checkboxes: the components the application's bundle already has.
    final MultiSelectComboBox<ExchangeTheme> themes = new MultiSelectComboBox<>();
    final TextField titleZh = new TextField();
    final TextField titleEn = new TextField();
    final TextArea summaryZh = new TextArea();
    final TextArea summaryEn = new TextArea();
    final TextField guangzhouUnit = new TextField();
    final TextField partnerUnit = new TextField();
    final IntegerField participants = new IntegerField();
    final TextField sourceUrl = new TextField();
    final Checkbox published = new Checkbox();
    final Button save = new Button();

    /** @param exchange the exchange to edit; null for a new one */
    ExchangeDialog(PartnerEditor editor, ExchangeService exchanges, PartnerEditing partner, @Nullable ExchangeEditing exchange) {
        setId("exchange-dialog");
        setWidth("min(50em, 100vw)");
        setHeaderTitle(getTranslation(exchange == null ? "admin.exchange.add" : "admin.exchange.edit"));
        agreement.setLabel(getTranslation("admin.field.agreementId"));
        agreement.setItems(java.util.stream.Stream.concat(java.util.stream.Stream.of(NO_AGREEMENT),
                partner.agreements().stream().map(PartnerEditing.AgreementEditing::id)).toList());
        agreement.setItemLabelGenerator(id -> id == NO_AGREEMENT ? getTranslation("admin.field.agreement.none")
                : partner.agreements().stream().filter(a -> a.id() == id).findFirst()
                        .map(a -> getTranslation(Keys.of("kind", a.kind())) + " · " + a.signedOn()).orElse(""));
        startsOn.setLabel(getTranslation("admin.field.startsOn"));
        startsOn.setId("exchange-startsOn");
        endsOn.setLabel(getTranslation("admin.field.endsOn"));
        endsOn.setId("exchange-endsOn");
        kind.setLabel(getTranslation("admin.field.exchangeKind"));
        kind.setId("exchange-kind");
        kind.setItems(ExchangeKind.values());
        kind.setItemLabelGenerator(value -> getTranslation(Keys.of("exchange.kind", value)));
        themes.setLabel(getTranslation("admin.field.themes"));
        themes.setId("exchange-themes");
        themes.setItems(ExchangeTheme.values());
        themes.setItemLabelGenerator(value -> getTranslation(Keys.of("exchange.theme", value)));
        label(titleZh, "titleZh", RegistryCommands.TITLE);
        label(titleEn, "titleEn", RegistryCommands.TITLE);
        label(summaryZh, "summaryZh", RegistryCommands.SUMMARY);
        label(summaryEn, "summaryEn", RegistryCommands.SUMMARY);
        label(guangzhouUnit, "guangzhouUnit", RegistryCommands.UNIT);
        label(partnerUnit, "partnerUnit", RegistryCommands.UNIT);
        label(sourceUrl, "sourceUrl", RegistryCommands.SOURCE);
        participants.setLabel(getTranslation("admin.field.participants"));
        participants.setId("exchange-participants");
        participants.setMin(0);
        published.setLabel(getTranslation("admin.field.published"));
        published.setId("exchange-published");

        if (exchange != null) {
            agreement.setValue(Objects.requireNonNullElse(exchange.agreementId(), NO_AGREEMENT));
            startsOn.setValue(exchange.startsOn());
            endsOn.setValue(exchange.endsOn());
            kind.setValue(exchange.kind());
            themes.setValue(exchange.themes());
            titleZh.setValue(Objects.requireNonNullElse(exchange.titleZh(), ""));
            titleEn.setValue(Objects.requireNonNullElse(exchange.titleEn(), ""));
            summaryZh.setValue(Objects.requireNonNullElse(exchange.summaryZh(), ""));
            summaryEn.setValue(Objects.requireNonNullElse(exchange.summaryEn(), ""));
            guangzhouUnit.setValue(Objects.requireNonNullElse(exchange.guangzhouUnit(), ""));
            partnerUnit.setValue(Objects.requireNonNullElse(exchange.partnerUnit(), ""));
            participants.setValue(exchange.participants());
            sourceUrl.setValue(Objects.requireNonNullElse(exchange.sourceUrl(), ""));
            published.setValue(exchange.published());
        } else {
            agreement.setValue(partner.activeAgreement().map(PartnerEditing.AgreementEditing::id).orElse(NO_AGREEMENT));
        }

        FormLayout form = new FormLayout(agreement, startsOn, endsOn, kind, themes, titleZh, titleEn, summaryZh, summaryEn,
                guangzhouUnit, partnerUnit, participants, sourceUrl, published);
        form.setColspan(themes, 2);
        form.setColspan(summaryZh, 2);
        form.setColspan(summaryEn, 2);
        form.setColspan(published, 2);
        add(form);

        Map<String, HasValidation> fields = Map.ofEntries(Map.entry("agreementId", agreement), Map.entry("startsOn", startsOn),
                Map.entry("endsOn", endsOn), Map.entry("kind", kind), Map.entry("themes", themes), Map.entry("titleZh", titleZh),
                Map.entry("titleEn", titleEn), Map.entry("summaryZh", summaryZh), Map.entry("summaryEn", summaryEn),
                Map.entry("guangzhouUnit", guangzhouUnit), Map.entry("partnerUnit", partnerUnit),
                Map.entry("participants", participants), Map.entry("sourceUrl", sourceUrl));
        save.setText(getTranslation("admin.save"));
        save.setId("exchange-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(event -> {
            Long chosen = agreement.getValue();
            if (editor.run(fields, () -> exchanges.save(new RegistryCommands.SaveExchange(
                    exchange == null ? null : exchange.id(), exchange == null ? 0 : exchange.version(), partner.id(),
                    chosen == null || chosen == NO_AGREEMENT ? null : chosen, startsOn.getValue(), endsOn.getValue(),
                    kind.getValue(), themes.getValue(), titleZh.getValue(), titleEn.getValue(), summaryZh.getValue(),
                    summaryEn.getValue(), guangzhouUnit.getValue(), partnerUnit.getValue(), participants.getValue(),
                    sourceUrl.getValue(), published.getValue())))) {
                close();
            }
        });
        getFooter().add(new Button(getTranslation("admin.cancel"), event -> close()), save);
    }

    private void label(TextField field, String name, int most) {
        field.setLabel(getTranslation("admin.field." + name));
        field.setId("exchange-" + name);
        field.setMaxLength(most);
    }

    private void label(TextArea field, String name, int most) {
        field.setLabel(getTranslation("admin.field." + name));
        field.setId("exchange-" + name);
        field.setMaxLength(most);
    }
}
