package cn.gz.youcheng.directory.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.KaribuTest;
import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The charts' and the map's numbers, read from the options the server sends to ECharts. */
@IntegrationTest
class StatisticsViewTest extends KaribuTest {

    @Autowired
    DirectoryQueries queries;
    @Autowired
    cn.gz.youcheng.registry.ExchangeService exchanges;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void english() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    @Test
    void theYearlySeriesOfTheSeedAddUpTo107WithTheRightSplit() {
        open("statistics", Map.of());
        JsonNode series = chart("chart-per-year").get("series");

        assertThat(sum(series.get(0).get("data"))).isEqualTo(38);
        assertThat(sum(series.get(1).get("data"))).isEqualTo(69);
        JsonNode cumulative = series.get(2).get("data");
        assertThat(cumulative.get(cumulative.size() - 1).asInt()).isEqualTo(107);
        assertThat(chart("chart-per-year").get("xAxis").get("data").get(0).asString()).isEqualTo("1979");
        assertThat(series.get(0).get("name").asString()).isEqualTo("Sister city");
    }

    @Test
    void eachChartIsAPictureDescribedByItsTable() {
        UI.getCurrent().navigate("statistics");
        StatisticsView view = _get(StatisticsView.class);
        for (EChart chart : List.of(view.perYear, view.perContinent, view.topCountries)) {
            assertThat(chart.getElement().getAttribute("role")).isEqualTo("img");
            assertThat(chart.getElement().getAttribute("aria-label")).endsWith("Its numbers are in the table below it.");
            String table = chart.getElement().getAttribute("aria-describedby");
            assertThat(_get(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId(table))).isNotNull();
        }
    }

    @Test
    void mostPartnershipsDateFromAfter2012() {
        open("statistics", Map.of("from", List.of("2012")));

        assertThat(sum(chart("chart-per-year").get("series").get(0).get("data"))
                + sum(chart("chart-per-year").get("series").get(1).get("data"))).isGreaterThan(107 / 2);
    }

    @Test
    void continentTotalsAddUpAndEuropeLeads() {
        open("statistics", Map.of());
        JsonNode data = chart("chart-per-continent").get("series").get(0).get("data");

        assertThat(StreamSupport.stream(data.spliterator(), false).mapToInt(d -> d.get("value").asInt()).sum())
                .isEqualTo(107);
        assertThat(data.get(0).get("name").asString()).isEqualTo("Europe");
        assertThat(data.get(0).get("value").asInt()).isEqualTo(36);
        JsonNode top = chart("chart-top-countries");
        JsonNode names = top.get("yAxis").get("data");
        assertThat(names.get(names.size() - 1).asString()).isEqualTo("United States");
        JsonNode counts = top.get("series").get(0).get("data");
        assertThat(counts.get(counts.size() - 1).asInt()).isEqualTo(6);
    }

    @Test
    void filtersChangeTheSeries() {
        open("statistics", Map.of("list", List.of("sister")));
        JsonNode series = chart("chart-per-year").get("series");

        assertThat(sum(series.get(0).get("data"))).isEqualTo(38);
        assertThat(sum(series.get(1).get("data"))).isZero();
        assertThat(_get(Paragraph.class, spec -> spec.withId("filter-summary")).getText()).contains("list=sister");

        open("statistics", Map.of("country", List.of("JP"), "asOf", List.of("2019-12-31")));
        assertThat(sum(chart("chart-per-year").get("series").get(0).get("data"))
                + sum(chart("chart-per-year").get("series").get(1).get("data"))).isEqualTo(3);
    }

    @Test
    void theMapShowsAPointForEveryRowTheDirectoryShowsForTheSameFilters() {
        for (Map<String, List<String>> parameters : List.of(Map.<String, List<String>>of(),
                Map.of("continent", List.of("europe")), Map.of("list", List.of("exchange"), "from", List.of("2019")))) {
            open("map", parameters);
            int expected = queries.count(DirectoryParameters.parse(parameters, Set.of(), queries.today()).filter());

            assertThat(points(_get(MapView.class, spec -> { }).map.getOption())).as(parameters.toString())
                    .isEqualTo(expected);
        }
        assertThat(points(_get(MapView.class, spec -> { }).map.getOption())).isPositive();
    }

    @Test
    void mapPointsCarryThePartnerIdForTheClickAndGeoNamesIsCredited() {
        open("map", Map.of("q", List.of("Oakland")));
        JsonNode option = _get(MapView.class, spec -> { }).map.getOption();

        JsonNode exchange = option.get("series").get(2);
        assertThat(exchange.get("data")).hasSize(1);
        assertThat(exchange.get("data").get(0).get("name").asString()).startsWith("Oakland 奥克兰");
        assertThat(exchange.get("data").get(0).get("id").asLong()).isPositive();
        assertThat(option.get("graphic").get(0).get("style").get("text").asString()).contains("GeoNames", "Natural Earth");
    }

    @Test
    void theSelectionsPublishedExchangesAreChartedByKindAndThemeWithTheMostActivePartnersEachWithItsTable() {
        long montreal = idOf("蒙特利尔");
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated("officer", null,
                        org.springframework.security.core.authority.AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
        try {
            for (int year : List.of(2021, 2023, 2023)) {
                exchanges.save(new cn.gz.youcheng.registry.RegistryCommands.SaveExchange(null, 0, montreal, null,
                        java.time.LocalDate.of(year, 6, 1), null, cn.gz.youcheng.registry.ExchangeKind.EVENT,
                        java.util.Set.of(cn.gz.youcheng.registry.ExchangeTheme.CULTURE, cn.gz.youcheng.registry.ExchangeTheme.YOUTH),
                        null, "Festival", null, null, null, null, null, null, true));
            }
            exchanges.save(new cn.gz.youcheng.registry.RegistryCommands.SaveExchange(null, 0, montreal, null,
                    java.time.LocalDate.of(2022, 6, 1), null, cn.gz.youcheng.registry.ExchangeKind.GIFT,
                    java.util.Set.of(cn.gz.youcheng.registry.ExchangeTheme.OTHER), null, "Internal gift", null, null, null, null,
                    null, null, false));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }

        // Canada's partners: Vancouver and Montréal; only Montréal's published exchanges count.
        open("statistics", Map.of("country", List.of("CA")));

        JsonNode byKind = chart("chart-exchanges-by-kind");
        assertThat(byKind.get("xAxis").get("data").get(0).asString()).isEqualTo("2021");
        assertThat(byKind.get("xAxis").get("data").size()).as("every year from the first to the last").isEqualTo(3);
        assertThat(byKind.get("series")).singleElement().satisfies(series -> {
            assertThat(series.get("name").asString()).isEqualTo("Event");
            assertThat(series.get("data").toString()).isEqualTo("[1,0,2]");
        });
        JsonNode byTheme = chart("chart-exchanges-by-theme");
        assertThat(byTheme.get("series").findValuesAsString("name")).containsExactly("Culture", "Youth");
        JsonNode active = chart("chart-most-active");
        assertThat(active.get("yAxis").get("data").get(0).asString()).isEqualTo("Montreal (Canada)");
        assertThat(active.get("series").get(0).get("data").get(0).asInt()).isEqualTo(3);
        assertThat(_get(EChart.class, spec -> spec.withId("chart-most-active")).getElement().getAttribute("aria-describedby"))
                .isEqualTo("statistics-table-most-active");

        open("statistics", Map.of("country", List.of("CL")));
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("statistics-exchanges-none")).getText())
                .isEqualTo("No published exchanges for this selection yet.");
    }

    private long idOf(String nameZh) {
        return jdbc.sql("select id from partner where name_zh = :name").param("name", nameZh).query(Long.class).single();
    }

    private static void open(String route, Map<String, List<String>> parameters) {
        UI.getCurrent().navigate(route, new QueryParameters(parameters));
    }

    private static JsonNode chart(String id) {
        return _get(EChart.class, spec -> spec.withId(id)).getOption();
    }

    private static int sum(JsonNode data) {
        return StreamSupport.stream(data.spliterator(), false).mapToInt(JsonNode::asInt).sum();
    }

    /** Partner points: every scatter series but Guangzhou's own. */
    private static int points(JsonNode option) {
        int count = 0;
        for (JsonNode series : option.get("series")) {
            if (series.get("type").asString().equals("scatter") && !series.get("name").asString().equals("Guangzhou")) {
                count += series.get("data").size();
            }
        }
        return count;
    }
}
