package cn.gz.youcheng.registry.ui;

import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.DocumentService;
import cn.gz.youcheng.registry.ExchangeService;
import cn.gz.youcheng.registry.PartnerHistory;
import cn.gz.youcheng.registry.PartnerList;
import cn.gz.youcheng.registry.RegistryService;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.query.Dormancy;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import cn.gz.youcheng.registry.query.PartnerRow;
import cn.gz.youcheng.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;

/** The office's list of partners and their agreements: every status, searchable, each opening an editor. */
@Route("admin")
@Menu(title = "menu.admin.agreements", order = 10)
@RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
class AgreementsView extends VerticalLayout implements HasDynamicTitle {

    private final DirectoryQueries queries;
    private final RegistryService registry;
    private final PartnerHistory history;
    private final ExchangeService exchanges;
    private final Dormancy dormancy;
    private final DocumentService documents;
    private final TextField search = new TextField();
    private final Select<PartnerList> list = new Select<>();
    private final Select<AgreementStatus> status = new Select<>();
    private final Grid<PartnerRow> grid = new Grid<>(PartnerRow.class, false);
    final Checkbox dormantOnly = new Checkbox();
    final Span dormantCount = new Span();

    AgreementsView(DirectoryQueries queries, RegistryService registry, PartnerHistory history, ExchangeService exchanges,
            DocumentService documents, Dormancy dormancy) {
        this.documents = documents;
        this.exchanges = exchanges;
        this.dormancy = dormancy;
        this.queries = queries;
        this.registry = registry;
        this.history = history;
        setSizeFull();

        search.setId("admin-search");
        search.setLabel(getTranslation("directory.filter.text"));
        search.setPlaceholder(getTranslation("directory.filter.text.placeholder"));
        search.setClearButtonVisible(true);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(event -> grid.getDataProvider().refreshAll());

        list.setLabel(getTranslation("directory.filter.list"));
        list.setItems(PartnerList.values());
        list.setEmptySelectionAllowed(true);
        list.setEmptySelectionCaption(getTranslation("directory.filter.list.all"));
        list.setItemLabelGenerator(value -> value == null ? getTranslation("directory.filter.list.all")
                : getTranslation(Keys.of("list", value)));
        list.addValueChangeListener(event -> grid.getDataProvider().refreshAll());
        status.setId("admin-status");
        status.setLabel(getTranslation("directory.filter.status"));
        status.setItems(AgreementStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("directory.filter.status.all"));
        status.setItemLabelGenerator(value -> value == null ? getTranslation("directory.filter.status.all")
                : getTranslation(Keys.of("status", value)));
        status.addValueChangeListener(event -> grid.getDataProvider().refreshAll());

        Button add = new Button(getTranslation("admin.add-partner"), VaadinIcon.PLUS.create(),
                event -> new AddPartnerDialog(registry, queries.today(), this::opened).open());
        add.setId("add-partner");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        // Partners with no exchange in the setting's years: where the office's attention is due.
        dormantOnly.setId("admin-dormant");
        dormantOnly.setLabel(getTranslation("admin.dormant-only", dormancy.years()));
        dormantOnly.addValueChangeListener(event -> grid.getDataProvider().refreshAll());
        dormantCount.setId("admin-dormant-count");
        dormantCount.setText(getTranslation("admin.dormant-count", dormancy.count(), dormancy.years()));

        HorizontalLayout toolbar = new HorizontalLayout(search, list, status, dormantOnly, add);
        toolbar.getStyle().set("flex-wrap", "wrap");
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("admin-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(row -> getTranslation(Keys.of("list", row.list())))
                .setHeader(getTranslation("directory.column.list")).setAutoWidth(true);
        grid.addColumn(PartnerRow::seq).setHeader(getTranslation("directory.column.seq")).setAutoWidth(true);
        grid.addColumn(PartnerRow::nameZh).setHeader(getTranslation("directory.column.nameZh")).setAutoWidth(true);
        grid.addColumn(PartnerRow::nameEn).setHeader(getTranslation("directory.column.nameEn")).setAutoWidth(true);
        grid.addColumn(PartnerRow::countryZh).setHeader(getTranslation("directory.column.country")).setAutoWidth(true);
        grid.addColumn(PartnerRow::signedOn).setHeader(getTranslation("directory.column.signedOn")).setAutoWidth(true);
        grid.addColumn(row -> getTranslation(Keys.of("status", row.status())))
                .setHeader(getTranslation("directory.column.status")).setAutoWidth(true);
        grid.setItems(query -> dormantOnly.getValue() ? dormancy.page(query.getOffset(), query.getLimit()).stream()
                        : queries.page(filter(), List.of(), query.getOffset(), query.getLimit()).stream(),
                query -> dormantOnly.getValue() ? dormancy.count() : queries.count(filter()));
        // A row opens its editor when chosen by a click or, from the keyboard, by Space on the row: the grid's
        // selection, which both make (a click event alone leaves keyboard users out, WCAG 2.1.1).
        grid.asSingleSelect().addValueChangeListener(event -> {
            if (event.getValue() != null) {
                grid.deselectAll();
                opened(event.getValue().id());
            }
        });

        add(new H2(getTranslation("admin.title")), toolbar, dormantCount, grid);
        setFlexGrow(1, grid);
    }

    /** Partners as of today in any standing unless a status is chosen. */
    private DirectoryFilter filter() {
        return new DirectoryFilter(search.getValue(), list.getValue(), Set.of(), Set.of(), null, null, status.getValue(),
                queries.today());
    }

    /** Opens the editor of a partner; the grid shows the latest data when it closes. */
    void opened(long partnerId) {
        grid.getDataProvider().refreshAll();
        dormantCount.setText(getTranslation("admin.dormant-count", dormancy.count(), dormancy.years()));
        PartnerEditor editor = new PartnerEditor(registry, exchanges, documents, history, partnerId);
        editor.addOpenedChangeListener(event -> {
            if (!event.isOpened()) {
                grid.getDataProvider().refreshAll();
                dormantCount.setText(getTranslation("admin.dormant-count", dormancy.count(), dormancy.years()));
            }
        });
        editor.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.title") + " · " + getTranslation("app.name");
    }
}
