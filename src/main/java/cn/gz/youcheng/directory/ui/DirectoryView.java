package cn.gz.youcheng.directory.ui;

import cn.gz.youcheng.registry.DirectoryQueries;
import cn.gz.youcheng.registry.ListTotals;
import cn.gz.youcheng.registry.PartnerRow;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** The public directory: every current partner in the official order, fetched page by page. */
@Route("")
@Menu(title = "menu.directory", order = 0)
@AnonymousAllowed
class DirectoryView extends VerticalLayout implements HasDynamicTitle, LocaleChangeObserver {

    private final DirectoryQueries queries;
    private final LocalDate asOf;
    private final H2 title = new H2();
    private final Paragraph summary = new Paragraph();
    private final Grid<PartnerRow> grid = new Grid<>(PartnerRow.class, false);
    private final Grid.Column<PartnerRow> listColumn;
    private final Grid.Column<PartnerRow> seqColumn;
    private final Grid.Column<PartnerRow> nameZhColumn;
    private final Grid.Column<PartnerRow> nameEnColumn;
    private final Grid.Column<PartnerRow> countryColumn;
    private final Grid.Column<PartnerRow> signedOnColumn;

    DirectoryView(DirectoryQueries queries) {
        this.queries = queries;
        this.asOf = queries.today();
        setSizeFull();
        summary.setId("directory-summary");

        grid.setId("directory-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        listColumn = grid.addColumn(row -> getTranslation("list." + row.list().name().toLowerCase(Locale.ROOT)))
                .setAutoWidth(true).setFlexGrow(0);
        seqColumn = grid.addColumn(PartnerRow::seq).setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        nameZhColumn = grid.addColumn(PartnerRow::nameZh).setAutoWidth(true);
        nameEnColumn = grid.addColumn(PartnerRow::nameEn).setAutoWidth(true);
        countryColumn = grid.addColumn(row -> chinese() ? row.countryZh() : row.countryEn()).setAutoWidth(true);
        signedOnColumn = grid.addColumn(row -> date(row.signedOn())).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> queries.page(asOf, query.getOffset(), query.getLimit()).stream(),
                query -> queries.count(asOf));
        grid.setSizeFull();

        add(title, summary, grid);
        setFlexGrow(1, grid);
    }

    /** Texts, country names and dates follow the visitor's language, also when it changes on the page. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        title.setText(getTranslation("directory.title"));
        ListTotals totals = queries.totals(asOf);
        summary.setText(getTranslation("directory.summary",
                totals.countries(), totals.cities(), totals.sisterCities(), totals.exchangeCities(), date(asOf)));
        listColumn.setHeader(getTranslation("directory.column.list"));
        seqColumn.setHeader(getTranslation("directory.column.seq"));
        nameZhColumn.setHeader(getTranslation("directory.column.name-zh"));
        nameEnColumn.setHeader(getTranslation("directory.column.name-en"));
        countryColumn.setHeader(getTranslation("directory.column.country"));
        signedOnColumn.setHeader(getTranslation("directory.column.signed-on"));
        grid.getDataProvider().refreshAll();
    }

    private boolean chinese() {
        return getLocale().getLanguage().equals(Locale.CHINESE.getLanguage());
    }

    private String date(LocalDate date) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("directory.title") + " · " + getTranslation("app.name");
    }
}
