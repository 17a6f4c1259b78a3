package cn.gz.youcheng.directory.ui;

import org.jspecify.annotations.Nullable;
import cn.gz.youcheng.base.ui.Language;
import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.CountryOption;
import cn.gz.youcheng.registry.PartnerList;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.query.DirectorySort;
import cn.gz.youcheng.registry.query.ListTotals;
import cn.gz.youcheng.registry.query.PartnerRow;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The public directory: partners as they stood on a date, filtered and sorted in the database and fetched
 * page by page. Every filter lives in the URL, so a view can be shared, reloaded and navigated back to.
 */
@Route("")
@Menu(title = "menu.directory", order = 0)
@AnonymousAllowed
class DirectoryView extends VerticalLayout implements HasDynamicTitle, LocaleChangeObserver, BeforeEnterObserver {

    /** Below this width the grid keeps only the columns a phone user needs. */
    private static final int NARROW_SCREEN = 720;

    private final DirectoryQueries queries;
    private final List<CountryOption> countryOptions;
    private final UrlFilter urlFilter;

    private final H2 title = new H2();
    private final Paragraph officialSentence = new Paragraph();
    private final Paragraph summary = new Paragraph();
    private final IgnoredNotice notice = new IgnoredNotice("directory-notice");
    private final TextField text = new TextField();
    private final Details filtersPanel = new Details();
    /** Made when first needed: see {@link MoreFilters}. */
    private @Nullable MoreFilters moreFilters;
    /**
     * The selection's downloads, its printable list, charts and map: links written as one element's HTML,
     * since a component for each link would be kept on the server for every visitor (decision record 0022).
     */
    private final Div links = new Div();
    private final Grid<PartnerRow> grid = new Grid<>(PartnerRow.class, false);
    private final Map<String, Grid.Column<PartnerRow>> columns;

    private DirectoryFilter filter;
    /** Whether the window is wide enough for every column (until the browser says, it is). */
    private boolean wide = true;
    private @Nullable Object summaryShownFor;

    DirectoryView(DirectoryQueries queries) {
        this.queries = queries;
        this.countryOptions = queries.countries();
        this.urlFilter = new UrlFilter(queries, countryOptions);
        this.filter = DirectoryFilter.official(queries.today());
        setSizeFull();
        setPadding(true);

        officialSentence.setId("official-sentence");
        officialSentence.getStyle().set("font-weight", "600").set("margin", "0");
        summary.setId("directory-summary");
        summary.getStyle().set("margin", "0");

        configureFilters();
        columns = configureGrid();

        filtersPanel.setId("more-filters");
        filtersPanel.addOpenedChangeListener(event -> {
            if (event.isOpened()) {
                moreFilters();
            }
        });
        links.setId("selection-links");
        links.addClassName("selection-links");
        add(title, officialSentence, summary, notice, text, filtersPanel, links, grid);
        setFlexGrow(1, grid);
    }

    private void configureFilters() {
        text.setId("filter-text");
        text.setClearButtonVisible(true);
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setWidth("16em");
        text.setMaxLength(DirectoryParameters.MAX_TEXT);

        // Only a visitor's change navigates; a value set from the URL or by the view itself does not.
        text.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                navigate(moreFilters == null ? filter.withText(text.getValue()) : moreFilters.filter(text.getValue()));
            }
        });
    }

    private MoreFilters moreFilters() {
        if (moreFilters == null) {
            moreFilters = new MoreFilters(countryOptions, queries::today, text::getValue, this::navigate,
                    () -> navigate(DirectoryFilter.official(queries.today())));
            moreFilters.show(filter);
            filtersPanel.add(moreFilters);
        }
        return moreFilters;
    }

    private Map<String, Grid.Column<PartnerRow>> configureGrid() {
        grid.setId("directory-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        // A click sorts by that column alone, as in a spreadsheet, and pages from its index (decision record
        // 0016); Shift+click adds a column to the sort.
        grid.setMultiSort(true, Grid.MultiSortPriority.APPEND, true);
        var listColumn = grid.addColumn(row -> listName(row.list())).setKey("list").setSortProperty(DirectorySort.Key.LIST.name());
        var seq = grid.addColumn(PartnerRow::seq).setKey("seq").setSortProperty(DirectorySort.Key.SEQ.name())
                .setTextAlign(ColumnTextAlign.END).setFlexGrow(0).setWidth("4.5em");
        // Names are links, so a keyboard user can Tab to a partner and open its page.
        var nameZh = grid.addColumn(partnerLink(PartnerRow::nameZh, "zh")).setKey("nameZh")
                .setSortProperty(DirectorySort.Key.NAME_ZH.name());
        var nameEn = grid.addColumn(partnerLink(PartnerRow::nameEn, "en")).setKey("nameEn")
                .setSortProperty(DirectorySort.Key.NAME_EN.name());
        var country = grid.addColumn(row -> chinese() ? row.countryZh() : row.countryEn()).setKey("country");
        var continent = grid.addColumn(row -> getTranslation("continent." + DirectoryParameters.name(row.continent())))
                .setKey("continent").setSortProperty(DirectorySort.Key.CONTINENT.name());
        var level = grid.addColumn(row -> getTranslation("level." + DirectoryParameters.name(row.adminLevel())))
                .setKey("level").setSortProperty(DirectorySort.Key.ADMIN_LEVEL.name());
        var signedOn = grid.addColumn(row -> date(row.signedOn())).setKey("signedOn")
                .setSortProperty(DirectorySort.Key.SIGNED_ON.name()).setFlexGrow(0).setAutoWidth(true);
        grid.getColumns().forEach(column -> column.setSortable(true).setResizable(true));
        grid.addItemClickListener(event -> UI.getCurrent().navigate(PartnerView.class,
                new RouteParameters(PartnerView.ID, String.valueOf(event.getItem().id()))));
        grid.setItems(query -> queries.page(filter, sort(query.getSortOrders()), query.getOffset(), query.getLimit())
                        .stream(),
                query -> queries.count(filter));
        grid.setSizeFull();
        grid.setMinHeight("18em");
        // The server keeps the rows a visitor's grid holds; two pages of 25 cover a screen with room to
        // scroll, where the default of 50 kept a hundred rows per visitor (bench/README.md, memory).
        grid.setPageSize(25);
        return new LinkedHashMap<>(Map.of("list", listColumn, "seq", seq, "nameZh", nameZh, "nameEn", nameEn,
                "country", country, "continent", continent, "level", level, "signedOn", signedOn));
    }

    /** A name as a link to the partner's page, marked with the name's language, whatever the page's is. */
    private static LitRenderer<PartnerRow> partnerLink(ValueProvider<PartnerRow, String> name, String language) {
        return LitRenderer.<PartnerRow>of("<a href=\"partners/${item.id}\" lang=\"" + language + "\">${item.name}</a>")
                .withProperty("id", PartnerRow::id)
                .withProperty("name", name);
    }

    private static List<DirectorySort> sort(List<com.vaadin.flow.data.provider.QuerySortOrder> orders) {
        return orders.stream()
                .map(order -> new DirectorySort(DirectorySort.Key.valueOf(order.getSorted()),
                        order.getDirection() == SortDirection.DESCENDING))
                .toList();
    }

    /** Reads the filters from the URL: on the first visit, a reload, a shared link, back and forward. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        DirectoryParameters.Parsed parsed = urlFilter.read(event);
        filter = parsed.filter();
        text.setValue(filter.text() == null ? "" : filter.text());
        if (moreFilters != null) {
            moreFilters.show(filter);
        } else if (MoreFilters.narrowsBeyondText(filter, queries.today())) {
            moreFilters();
            filtersPanel.setOpened(true);
        }
        notice.show(parsed);
        refresh();
    }

    private void navigate(DirectoryFilter target) {
        UI.getCurrent().navigate(DirectoryView.class,
                new QueryParameters(DirectoryParameters.format(target, queries.today())));
    }

    /**
     * The status column only where it tells rows apart: the lists are of active partners unless a visitor asks
     * for others, and every row would read "active". A column fewer is also less that every visitor's page keeps
     * on the server (bench/README.md, memory).
     */
    private void showStatusColumn(boolean shown) {
        Grid.Column<PartnerRow> status = columns.get("status");
        if (shown && status == null) {
            status = grid.addColumn(row -> getTranslation("status." + DirectoryParameters.name(row.status())))
                    .setKey("status").setSortProperty(DirectorySort.Key.STATUS.name()).setSortable(true)
                    .setResizable(true).setHeader(getTranslation("directory.column.status"));
            status.setVisible(wide);
            columns.put("status", status);
        } else if (!shown && status != null) {
            grid.removeColumn(status);
            columns.remove("status");
        }
    }

    private void refresh() {
        showStatusColumn(filter.status() != AgreementStatus.ACTIVE);
        grid.getDataProvider().refreshAll();
        updateSummary();
        showLinks();
    }

    private void updateSummary() {
        // On a first visit both the URL and the locale arrive; count once for each filter and language.
        Object shown = List.of(filter, getLocale());
        if (shown.equals(summaryShownFor)) {
            return;
        }
        summaryShownFor = shown;
        ListTotals totals = queries.totals(filter);
        ListTotals official = queries.totals(DirectoryFilter.official(filter.asOf()));
        officialSentence.setText(getTranslation("directory.official-sentence", official.countries(), official.cities(),
                date(filter.asOf())));
        summary.setText(totals.cities() == 0
                ? getTranslation("directory.summary.empty")
                : getTranslation("directory.summary", totals.cities(), totals.countries(), totals.sisterCities(),
                        totals.exchangeCities()));
    }

    /** Texts, names and dates follow the visitor's language, also when it changes on the page. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        title.setText(getTranslation("directory.title"));
        text.setLabel(getTranslation("directory.filter.text"));
        text.setPlaceholder(getTranslation("directory.filter.text.placeholder"));
        filtersPanel.setSummaryText(getTranslation("directory.filters"));
        showLinks();
        for (var entry : columns.entrySet()) {
            entry.getValue().setHeader(getTranslation("directory.column." + entry.getKey()));
        }
        column("country").setSortProperty(
                (chinese() ? DirectorySort.Key.COUNTRY_ZH : DirectorySort.Key.COUNTRY_EN).name());
        updateSummary();
        grid.getDataProvider().refreshAll();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        var page = attachEvent.getUI().getPage();
        page.retrieveExtendedClientDetails(details -> fitColumns(details.getWindowInnerWidth()));
        page.addBrowserWindowResizeListener(event -> fitColumns(event.getWidth()));
    }

    /** On a narrow screen: number, the name in the visitor's language, country and date. */
    private void fitColumns(int width) {
        wide = width >= NARROW_SCREEN;
        for (String key : List.of("list", "continent", "level", "status")) {
            Grid.Column<PartnerRow> column = columns.get(key);
            if (column != null) {
                column.setVisible(wide);
            }
        }
        column("nameZh").setVisible(wide || chinese());
        column("nameEn").setVisible(wide || !chinese());
    }

    private Grid.Column<PartnerRow> column(String key) {
        return Objects.requireNonNull(columns.get(key), key);
    }

    private String listName(PartnerList value) {
        return value == null ? getTranslation("directory.filter.list.all")
                : getTranslation("list." + DirectoryParameters.name(value));
    }

    private boolean chinese() {
        return Language.chinese(getLocale());
    }

    private String date(LocalDate date) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()));
    }

    /** The links of the selection as it is now, in the visitor's language. */
    private void showLinks() {
        links.getElement().setProperty("innerHTML", selectionLinks(
                DirectoryParameters.querySuffix(filter, queries.today()), this::getTranslation));
    }

    /**
     * The links' HTML, every text and address escaped by jsoup. Downloads and the printable list are plain
     * HTTP, not routes: the router leaves them alone, and they open in a tab of their own.
     */
    static String selectionLinks(String suffix, java.util.function.BiFunction<String, Object[], String> texts) {
        org.jsoup.nodes.Element html = new org.jsoup.nodes.Element("span");
        for (String file : List.of("partners.csv", "partners.xlsx", "partners.json", "official.txt")) {
            String key = switch (file) {
                case "partners.csv" -> "directory.download.csv";
                case "partners.xlsx" -> "directory.download.xlsx";
                case "partners.json" -> "directory.download.json";
                default -> "directory.download.official";
            };
            html.appendElement("a").id("download-" + file.replace('.', '-')).attr("href", "export/" + file + suffix)
                    .attr("router-ignore", "").attr("download", "").attr("target", "_blank")
                    .text(texts.apply(key, new Object[0]));
        }
        html.appendElement("a").id("link-printable").attr("href", "export/partners.html" + suffix)
                .attr("router-ignore", "").attr("target", "_blank").text(texts.apply("directory.download.print", new Object[0]));
        html.appendElement("a").id("link-statistics").attr("href", "statistics" + suffix)
                .text(texts.apply("directory.link.statistics", new Object[0]));
        html.appendElement("a").id("link-map").attr("href", "map" + suffix)
                .text(texts.apply("directory.link.map", new Object[0]));
        return html.html();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("directory.title") + " · " + getTranslation("app.name");
    }
}
