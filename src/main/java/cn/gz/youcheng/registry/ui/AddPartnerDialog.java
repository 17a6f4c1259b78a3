package cn.gz.youcheng.registry.ui;

import cn.gz.youcheng.base.ui.ComponentTexts;
import cn.gz.youcheng.base.ui.Language;
import cn.gz.youcheng.registry.AdminLevel;
import cn.gz.youcheng.registry.AgreementKind;
import cn.gz.youcheng.registry.Continent;
import cn.gz.youcheng.registry.CountryOption;
import cn.gz.youcheng.registry.RegistryCommands;
import cn.gz.youcheng.registry.RegistryService;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;

/** Adds a new partner with its first agreement. */
class AddPartnerDialog extends Dialog {

    final TextField nameZh = new TextField();
    final TextField nameEn = new TextField();
    final ComboBox<CountryOption> country = new ComboBox<>();
    final Select<Continent> continent = new Select<>();
    final Select<AdminLevel> adminLevel = new Select<>();
    final NumberField latitude = new NumberField();
    final NumberField longitude = new NumberField();
    final Select<AgreementKind> kind = new Select<>();
    final DatePicker signedOn = ComponentTexts.dates(new DatePicker());
    final TextField placeSigned = new TextField();
    final TextField source = new TextField();
    final TextArea internalNote = new TextArea();
    final Button save = new Button();

    AddPartnerDialog(RegistryService registry, LocalDate today, LongConsumer onAdded) {
        setHeaderTitle(getTranslation("admin.add-partner"));
        setId("add-partner-dialog");
        setWidth("min(48em, 100vw)");
        boolean chinese = Language.chinese(getLocale());

        label(nameZh, "nameZh");
        label(nameEn, "nameEn");
        label(country, "country");
        country.setItems(registry.countries());
        country.setItemLabelGenerator(c -> c.iso2() + " " + (chinese ? c.nameZh() : c.nameEn()));
        label(continent, "continent");
        continent.setItems(Continent.values());
        continent.setItemLabelGenerator(c -> getTranslation(Keys.of("continent", c)));
        continent.setHelperText(getTranslation("admin.field.continent.help"));
        country.addValueChangeListener(event -> {
            Continent known = event.getValue() == null ? null : event.getValue().continent();
            continent.setValue(known);
            continent.setReadOnly(known != null);
        });
        label(adminLevel, "adminLevel");
        adminLevel.setItems(AdminLevel.values());
        adminLevel.setItemLabelGenerator(l -> getTranslation(Keys.of("level", l)));
        label(latitude, "latitude");
        label(longitude, "longitude");
        label(kind, "kind");
        kind.setItems(AgreementKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(Keys.of("kind", k)));
        label(signedOn, "signedOn");
        signedOn.setMax(today);
        signedOn.setLocale(getLocale());
        label(placeSigned, "placeSigned");
        label(source, "source");
        label(internalNote, "internalNote");
        Publication.published(placeSigned, source);
        Publication.internal(internalNote);

        // What each field may hold is the command's rule (RegistryCommands): the lengths show here, and the
        // service's problems come back to the fields they concern.
        nameZh.setMaxLength(RegistryCommands.NAME_ZH);
        nameEn.setMaxLength(RegistryCommands.NAME_EN);
        placeSigned.setMaxLength(RegistryCommands.PLACE);
        source.setMaxLength(RegistryCommands.SOURCE);
        internalNote.setMaxLength(RegistryCommands.NOTE);
        for (HasValue<?, ?> required : List.<HasValue<?, ?>>of(nameZh, nameEn, country, adminLevel, kind, signedOn)) {
            required.setRequiredIndicatorVisible(true);
        }
        adminLevel.setValue(AdminLevel.CITY);
        kind.setValue(AgreementKind.FRIENDLY_EXCHANGE);

        FormLayout form = new FormLayout(nameZh, nameEn, country, continent, adminLevel, kind, latitude, longitude,
                signedOn, placeSigned, source, internalNote);
        form.setColspan(internalNote, 2);
        add(form);

        Map<String, HasValidation> fields = Map.ofEntries(Map.entry("nameZh", nameZh), Map.entry("nameEn", nameEn),
                Map.entry("country", country), Map.entry("continent", continent), Map.entry("adminLevel", adminLevel),
                Map.entry("latitude", latitude), Map.entry("longitude", longitude), Map.entry("kind", kind),
                Map.entry("signedOn", signedOn), Map.entry("placeSigned", placeSigned), Map.entry("source", source),
                Map.entry("internalNote", internalNote));
        save.setText(getTranslation("admin.save"));
        save.setId("add-partner-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(event -> {
            long[] id = new long[1];
            boolean saved = FormErrors.attempt(this, fields, () -> id[0] = registry.addPartner(
                    new RegistryCommands.AddPartner(nameZh.getValue(), nameEn.getValue(),
                            country.getValue() == null ? null : country.getValue().iso2(), continent.getValue(),
                            adminLevel.getValue(), latitude.getValue(), longitude.getValue(), kind.getValue(),
                            signedOn.getValue(), placeSigned.getValue(), source.getValue(), internalNote.getValue())),
                    () -> { });
            if (saved) {
                FormErrors.saved(getTranslation("admin.saved"));
                close();
                onAdded.accept(id[0]);
            }
        });
        Button cancel = new Button(getTranslation("admin.cancel"), event -> close());
        getFooter().add(cancel, save);
    }

    private void label(com.vaadin.flow.component.HasLabel field, String name) {
        field.setLabel(getTranslation("admin.field." + name));
        ((com.vaadin.flow.component.Component) field).setId("partner-" + name);
    }
}
