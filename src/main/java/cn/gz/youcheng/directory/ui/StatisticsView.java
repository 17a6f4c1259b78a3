package cn.gz.youcheng.directory.ui;

import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.registry.PartnerList;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.query.ExchangeStatistics;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import cn.gz.youcheng.registry.query.Statistics;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the partnerships grew and where they are: agreements per year by list with the running total,
 * partners per continent, the top countries. Same filters as the directory; each chart has its numbers as a
 * table too.
 */
@Route("statistics")
@Menu(title = "menu.statistics", order = 1)
@AnonymousAllowed
class StatisticsView extends FilteredView implements HasDynamicTitle {

    static final int TOP_COUNTRIES = 10;
    static final int TOP_PARTNERS = 10;

    final EChart perYear = new EChart();
    final EChart perContinent = new EChart();
    final EChart topCountries = new EChart();

    StatisticsView(DirectoryQueries queries) {
        super(queries);
        perYear.setId("chart-per-year");
        perContinent.setId("chart-per-continent");
        topCountries.setId("chart-top-countries");
    }

    @Override
    protected void render(DirectoryParameters.Parsed parsed) {
        DirectoryFilter filter = parsed.filter();
        Statistics statistics = queries.statistics(filter, TOP_COUNTRIES);
        removeAll();
        add(new H2(getTranslation("statistics.title")));
        add(FilterBar.of(this, parsed, queries.today()));

        perYear.setOption(perYearOption(statistics.perYear()));
        perContinent.setOption(perContinentOption(statistics.perContinent()));
        topCountries.setOption(topCountriesOption(statistics.topCountries()));
        // Each chart's text alternative is its table, below it.
        perYear.describe(getTranslation("statistics.per-year") + ". " + getTranslation("statistics.table-below"),
                tableId("statistics.table.per-year"));
        perContinent.describe(getTranslation("statistics.per-continent") + ". " + getTranslation("statistics.table-below"),
                tableId("statistics.table.per-continent"));
        topCountries.describe(getTranslation("statistics.top-countries") + ". " + getTranslation("statistics.table-below"),
                tableId("statistics.table.top-countries"));
        add(perYear, table("statistics.table.per-year", yearRows(statistics.perYear())),
                perContinent, table("statistics.table.per-continent", statistics.perContinent().stream()
                        .map(c -> List.of(getTranslation("continent." + DirectoryParameters.name(c.continent())),
                                String.valueOf(c.partners()))).toList()),
                topCountries, table("statistics.table.top-countries", statistics.topCountries().stream()
                        .map(c -> List.of(countryName(c), String.valueOf(c.partners()))).toList()));
        exchanges(filter);
    }

    /**
     * The selection's published exchanges: per year by kind and by theme, and the most active partners. Made only
     * when there are any, so that a registry without them pays nothing for these charts.
     */
    private void exchanges(DirectoryFilter filter) {
        ExchangeStatistics exchanges = queries.exchangeStatistics(filter, TOP_PARTNERS);
        add(new H3(getTranslation("statistics.exchanges")));
        if (exchanges.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("statistics.exchanges.none"));
            none.setId("statistics-exchanges-none");
            add(none);
            return;
        }
        EChart byKind = stacked("chart-exchanges-by-kind", "statistics.exchanges.by-kind", exchanges.perYearByKind(),
                "exchange.kind.");
        EChart byTheme = stacked("chart-exchanges-by-theme", "statistics.exchanges.by-theme", exchanges.perYearByTheme(),
                "exchange.theme.");
        EChart active = new EChart();
        active.setId("chart-most-active");
        List<ExchangeStatistics.ActivePartner> ascending = new ArrayList<>(exchanges.mostActive());
        java.util.Collections.reverse(ascending);
        Map<String, Object> option = ChartOptions.common(getTranslation("statistics.exchanges.most-active"),
                getTranslation("statistics.save-image"));
        option.put("grid", ChartOptions.map("left", 110, "right", 32, "top", 48, "bottom", 24));
        option.put("xAxis", ChartOptions.map("type", "value", "minInterval", 1));
        option.put("yAxis", ChartOptions.map("type", "category", "data", ascending.stream().map(this::partnerName).toList()));
        option.put("series", List.of(ChartOptions.map("type", "bar", "name", getTranslation("statistics.exchanges.count"),
                "color", ChartOptions.color(PartnerList.SISTER), "label", ChartOptions.map("show", true, "position", "right"),
                "data", ascending.stream().map(ExchangeStatistics.ActivePartner::exchanges).toList())));
        active.setOption(ChartOptions.json(option));
        active.describe(getTranslation("statistics.exchanges.most-active") + ". " + getTranslation("statistics.table-below"),
                tableId("statistics.table.most-active"));
        add(byKind, table("statistics.table.exchanges-by-kind", exchanges.perYearByKind().stream()
                        .map(count -> List.of(String.valueOf(count.year()), label("exchange.kind.", count.code()),
                                String.valueOf(count.exchanges()))).toList()),
                byTheme, table("statistics.table.exchanges-by-theme", exchanges.perYearByTheme().stream()
                        .map(count -> List.of(String.valueOf(count.year()), label("exchange.theme.", count.code()),
                                String.valueOf(count.exchanges()))).toList()),
                active, table("statistics.table.most-active", exchanges.mostActive().stream()
                        .map(partner -> List.of(partnerName(partner), String.valueOf(partner.exchanges()))).toList()));
    }

    /** A bar per year, stacked by kind or theme, every year from the first to the last. */
    private EChart stacked(String id, String title, List<ExchangeStatistics.YearCount> counts, String labels) {
        EChart chart = new EChart();
        chart.setId(id);
        int first = counts.stream().mapToInt(ExchangeStatistics.YearCount::year).min().orElse(0);
        int last = counts.stream().mapToInt(ExchangeStatistics.YearCount::year).max().orElse(-1);
        List<String> years = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            years.add(String.valueOf(year));
        }
        Map<String, int[]> byCode = new java.util.TreeMap<>();
        for (ExchangeStatistics.YearCount count : counts) {
            byCode.computeIfAbsent(count.code(), code -> new int[years.size()])[count.year() - first] += count.exchanges();
        }
        Map<String, Object> option = ChartOptions.common(getTranslation(title), getTranslation("statistics.save-image"));
        option.put("tooltip", ChartOptions.map("trigger", "axis"));
        option.put("legend", ChartOptions.map("bottom", 0, "type", "scroll"));
        option.put("grid", ChartOptions.map("left", 48, "right", 24, "bottom", 64, "top", 48));
        option.put("xAxis", ChartOptions.map("type", "category", "data", years));
        option.put("yAxis", ChartOptions.map("type", "value", "minInterval", 1));
        option.put("series", byCode.entrySet().stream().map(entry -> ChartOptions.map("name", label(labels, entry.getKey()),
                "type", "bar", "stack", "exchanges", "data", java.util.Arrays.stream(entry.getValue()).boxed().toList())).toList());
        chart.setOption(ChartOptions.json(option));
        chart.describe(getTranslation(title) + ". " + getTranslation("statistics.table-below"),
                tableId(title.equals("statistics.exchanges.by-kind") ? "statistics.table.exchanges-by-kind"
                        : "statistics.table.exchanges-by-theme"));
        return chart;
    }

    private String label(String prefix, String code) {
        return getTranslation(prefix + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    private String partnerName(ExchangeStatistics.ActivePartner partner) {
        return chinese() ? partner.nameZh() + "（" + partner.countryZh() + "）" : partner.nameEn() + " (" + partner.countryEn() + ")";
    }

    private tools.jackson.databind.node.ObjectNode perYearOption(List<Statistics.YearCount> years) {
        List<String> labels = new ArrayList<>();
        List<Integer> sister = new ArrayList<>();
        List<Integer> exchange = new ArrayList<>();
        List<Integer> cumulative = new ArrayList<>();
        if (!years.isEmpty()) {
            Map<Integer, Statistics.YearCount> byYear = years.stream()
                    .collect(Collectors.toMap(Statistics.YearCount::year, y -> y));
            int total = 0;
            // Every year from the first to the last, so that quiet years show as gaps, not as nothing.
            for (int year = years.getFirst().year(); year <= years.getLast().year(); year++) {
                Statistics.YearCount count = byYear.getOrDefault(year, new Statistics.YearCount(year, 0, 0));
                labels.add(String.valueOf(year));
                sister.add(count.sisterCities());
                exchange.add(count.exchangeCities());
                total += count.sisterCities() + count.exchangeCities();
                cumulative.add(total);
            }
        }
        Map<String, Object> option = ChartOptions.common(getTranslation("statistics.per-year"),
                getTranslation("statistics.save-image"));
        option.put("tooltip", ChartOptions.map("trigger", "axis"));
        option.put("legend", ChartOptions.map("bottom", 0));
        option.put("grid", ChartOptions.map("left", 48, "right", 56, "bottom", 64, "top", 48));
        option.put("xAxis", ChartOptions.map("type", "category", "data", labels));
        option.put("yAxis", List.of(ChartOptions.map("type", "value", "name", getTranslation("statistics.axis.signed")),
                ChartOptions.map("type", "value", "name", getTranslation("statistics.axis.cumulative"))));
        option.put("series", List.of(
                bar(listName(PartnerList.SISTER), sister, ChartOptions.color(PartnerList.SISTER)),
                bar(listName(PartnerList.EXCHANGE), exchange, ChartOptions.color(PartnerList.EXCHANGE)),
                ChartOptions.map("name", getTranslation("statistics.cumulative"), "type", "line", "yAxisIndex", 1,
                        "data", cumulative, "color", ChartOptions.CUMULATIVE_COLOR, "symbol", "none")));
        return ChartOptions.json(option);
    }

    private Map<String, Object> bar(String name, List<Integer> data, String color) {
        return ChartOptions.map("name", name, "type", "bar", "stack", "signed", "data", data, "color", color);
    }

    private tools.jackson.databind.node.ObjectNode perContinentOption(List<Statistics.ContinentCount> continents) {
        Map<String, Object> option = ChartOptions.common(getTranslation("statistics.per-continent"),
                getTranslation("statistics.save-image"));
        option.put("legend", ChartOptions.map("bottom", 0));
        option.put("series", List.of(ChartOptions.map("type", "pie", "radius", List.of("35%", "65%"),
                "label", ChartOptions.map("formatter", "{b}: {c}"),
                "data", continents.stream().map(c -> ChartOptions.map(
                        "name", getTranslation("continent." + DirectoryParameters.name(c.continent())),
                        "value", c.partners())).toList())));
        return ChartOptions.json(option);
    }

    private tools.jackson.databind.node.ObjectNode topCountriesOption(List<Statistics.CountryCount> countries) {
        List<Statistics.CountryCount> ascending = new ArrayList<>(countries);
        java.util.Collections.reverse(ascending);
        Map<String, Object> option = ChartOptions.common(getTranslation("statistics.top-countries"),
                getTranslation("statistics.save-image"));
        option.put("grid", ChartOptions.map("left", 110, "right", 32, "top", 48, "bottom", 24));
        option.put("xAxis", ChartOptions.map("type", "value", "minInterval", 1));
        option.put("yAxis", ChartOptions.map("type", "category", "data",
                ascending.stream().map(this::countryName).toList()));
        option.put("series", List.of(ChartOptions.map("type", "bar", "name", getTranslation("statistics.partners"),
                "color", ChartOptions.color(PartnerList.EXCHANGE), "label", ChartOptions.map("show", true,
                        "position", "right"),
                "data", ascending.stream().map(Statistics.CountryCount::partners).toList())));
        return ChartOptions.json(option);
    }

    private List<List<String>> yearRows(List<Statistics.YearCount> years) {
        int total = 0;
        List<List<String>> rows = new ArrayList<>();
        for (Statistics.YearCount year : years) {
            total += year.sisterCities() + year.exchangeCities();
            rows.add(List.of(String.valueOf(year.year()), String.valueOf(year.sisterCities()),
                    String.valueOf(year.exchangeCities()), String.valueOf(total)));
        }
        return rows;
    }

    /** The chart's numbers as a table, for screen readers and anyone who prefers to read them. */
    private Details table(String key, List<List<String>> rows) {
        Grid<List<String>> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        String[] headers = getTranslation(key + ".columns").split("\\|");
        for (int i = 0; i < headers.length; i++) {
            int column = i;
            grid.addColumn(row -> row.get(column)).setHeader(headers[i]).setAutoWidth(true);
        }
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.setId(tableId(key));
        Details details = new Details(getTranslation("statistics.show-table"), grid);
        details.setWidthFull();
        return details;
    }

    private static String tableId(String key) {
        return key.replace('.', '-');
    }

    private String countryName(Statistics.CountryCount country) {
        return chinese() ? country.nameZh() : country.nameEn();
    }

    private String listName(PartnerList list) {
        return getTranslation("list." + DirectoryParameters.name(list));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("statistics.title") + " · " + getTranslation("app.name");
    }
}
