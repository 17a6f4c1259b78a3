package cn.gz.youcheng.directory.ui;

import cn.gz.youcheng.base.ui.ComponentTexts;
import cn.gz.youcheng.base.ui.Language;
import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.Continent;
import cn.gz.youcheng.registry.CountryOption;
import cn.gz.youcheng.registry.PartnerList;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The directory's filters beyond the text search. Made only when a visitor opens them or arrives with them
 * in the URL: the server keeps every component of every open page, and these fields were most of a
 * directory page's memory for the many visitors who only look or search (bench/README.md, memory).
 */
class MoreFilters extends FlexLayout implements LocaleChangeObserver {

    private final List<CountryOption> countryOptions;
    /** Asked each time: a page may stay open past midnight. */
    private final Supplier<LocalDate> today;

    private final Select<PartnerList> list = new Select<>();
    private final MultiSelectComboBox<CountryOption> countries = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<Continent> continents = new MultiSelectComboBox<>();
    private final IntegerField fromYear = new IntegerField();
    private final IntegerField toYear = new IntegerField();
    private final IntegerField exchangedSince = new IntegerField();
    private final Select<AgreementStatus> status = new Select<>();
    private final DatePicker asOf = ComponentTexts.dates(new DatePicker());
    private final Button reset = new Button();

    /**
     * @param changed called with the visitor's new filter, the search text given by {@code text}
     * @param cleared called when the visitor resets every filter
     */
    MoreFilters(List<CountryOption> countryOptions, Supplier<LocalDate> today, Supplier<String> text,
            Consumer<DirectoryFilter> changed, Runnable cleared) {
        this.countryOptions = countryOptions;
        this.today = today;
        list.setId("filter-list");
        list.setItems(PartnerList.values());
        list.setEmptySelectionAllowed(true);

        countries.setId("filter-country");
        countries.setItems(countryOptions);
        countries.setWidth("14em");

        continents.setId("filter-continent");
        continents.setItems(Continent.values());
        continents.setWidth("12em");

        for (IntegerField year : List.of(fromYear, toYear)) {
            year.setMin(1949);
            year.setMax(today.get().getYear());
            year.setWidth("7em");
            year.setValueChangeMode(ValueChangeMode.LAZY);
        }
        fromYear.setId("filter-from");
        toYear.setId("filter-to");
        exchangedSince.setId("filter-exchanged-since");
        exchangedSince.setMin(1949);
        exchangedSince.setMax(today.get().getYear());
        exchangedSince.setWidth("9em");
        exchangedSince.setValueChangeMode(ValueChangeMode.LAZY);

        status.setId("filter-status");
        status.setItems(AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED, AgreementStatus.TERMINATED,
                AgreementStatus.SUPERSEDED);
        status.setEmptySelectionAllowed(true);

        asOf.setId("filter-as-of");
        asOf.setMax(today.get());
        asOf.setWidth("10em");

        reset.setId("filter-reset");
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        reset.addClickListener(event -> cleared.run());

        for (HasValue<?, ?> field : List.of(list, countries, continents, fromYear, toYear, status, asOf, exchangedSince)) {
            // Only a visitor's change navigates; values set from the URL or by the view itself do not.
            field.addValueChangeListener(event -> {
                if (event.isFromClient()) {
                    changed.accept(filter(text.get()));
                }
            });
        }
        add(list, countries, continents, fromYear, toYear, status, asOf, exchangedSince, reset);
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        getStyle().set("gap", "var(--lumo-space-s) var(--lumo-space-m)");
    }

    /** Whether a filter narrows by more than its text (or shows another date than today). */
    static boolean narrowsBeyondText(DirectoryFilter filter, LocalDate today) {
        return filter.list() != null || !filter.countries().isEmpty() || !filter.continents().isEmpty()
                || filter.fromYear() != null || filter.toYear() != null || filter.status() != AgreementStatus.ACTIVE
                || !filter.asOf().equals(today) || filter.exchangedSince() != null;
    }

    void show(DirectoryFilter filter) {
        list.setValue(filter.list());
        countries.setValue(countryOptions.stream().filter(c -> filter.countries().contains(c.iso2()))
                .collect(Collectors.toSet()));
        continents.setValue(filter.continents());
        fromYear.setValue(filter.fromYear());
        toYear.setValue(filter.toYear());
        status.setValue(filter.status());
        asOf.setValue(filter.asOf());
        exchangedSince.setValue(filter.exchangedSince());
    }

    DirectoryFilter filter(String text) {
        LocalDate date = asOf.getValue() != null ? asOf.getValue() : today.get();
        return new DirectoryFilter(text, list.getValue(),
                countries.getValue().stream().map(CountryOption::iso2).collect(Collectors.toSet()),
                continents.getValue(), fromYear.getValue(), toYear.getValue(), status.getValue(), date,
                exchangedSince.getValue());
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        list.setLabel(getTranslation("directory.filter.list"));
        list.setEmptySelectionCaption(getTranslation("directory.filter.list.all"));
        list.setItemLabelGenerator(value -> value == null ? getTranslation("directory.filter.list.all")
                : getTranslation("list." + DirectoryParameters.name(value)));
        countries.setLabel(getTranslation("directory.filter.country"));
        countries.setItemLabelGenerator(c -> chinese() ? c.nameZh() : c.nameEn());
        // Re-sorting keeps the selection; setting the items again would clear it.
        countries.getListDataView().setSortComparator(
                Comparator.comparing((CountryOption c) -> chinese() ? c.nameZh() : c.nameEn())::compare);
        continents.setLabel(getTranslation("directory.filter.continent"));
        continents.setItemLabelGenerator(c -> getTranslation("continent." + DirectoryParameters.name(c)));
        fromYear.setLabel(getTranslation("directory.filter.from"));
        toYear.setLabel(getTranslation("directory.filter.to"));
        status.setLabel(getTranslation("directory.filter.status"));
        status.setEmptySelectionCaption(getTranslation("directory.filter.status.all"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("directory.filter.status.all")
                : getTranslation("status." + DirectoryParameters.name(s)));
        asOf.setLabel(getTranslation("directory.filter.as-of"));
        asOf.setLocale(getLocale());
        exchangedSince.setLabel(getTranslation("directory.filter.exchanged-since"));
        reset.setText(getTranslation("directory.filter.reset"));
    }

    private boolean chinese() {
        return Language.chinese(getLocale());
    }
}
