package cn.gz.youcheng.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.registry.PartnerList;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.query.PartnerRow;
import cn.gz.youcheng.registry.query.Statistics;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The charts and the map in a real browser, served in production mode with the production bundle: what
 * they draw is the registry's data, where the data says it should be. Every wait is for a condition.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"youcheng.embedded-database.temporary=true", "vaadin.productionMode=true"})
class ChartsAndMapIT extends BrowserTest {

    /** The lists' colours in the charts (ChartOptions.COLORS). */
    private static final String SISTER_RED = "#c8372d";
    private static final String EXCHANGE_BLUE = "#1f6fd1";

    @Autowired
    DirectoryQueries queries;

    private Page page;

    @BeforeEach
    void newPage() {
        page = newPage("en-US");
    }

    @Test
    void thePerYearChartDrawsEachYearsSignaturesAndItsTooltipTellsThem() {
        Statistics statistics = queries.statistics(DirectoryFilter.official(queries.today()), 10);
        Statistics.YearCount busiest = statistics.perYear().stream()
                .max(Comparator.comparingInt(year -> year.sisterCities() + year.exchangeCities())).orElseThrow();
        page.navigate(url("/statistics"));
        waitForChart("#chart-per-year");

        // The chart holds the database's counts, year by year.
        List<String> years = strings(page.evaluate("() => document.querySelector('#chart-per-year').chart"
                + ".getOption().xAxis[0].data"));
        assertThat(years.getFirst()).isEqualTo(String.valueOf(statistics.perYear().getFirst().year()));
        assertThat(years.getLast()).isEqualTo(String.valueOf(statistics.perYear().getLast().year()));
        List<Number> exchangeBars = numbers(page.evaluate("() => document.querySelector('#chart-per-year').chart"
                + ".getOption().series[1].data"));
        assertThat(exchangeBars.get(years.indexOf(String.valueOf(busiest.year()))).intValue())
                .isEqualTo(busiest.exchangeCities());

        // Painted where the data puts it: the middle of the busiest year's exchange segment (stacked on the
        // sister cities) is blue once the bars have grown.
        double middle = busiest.sisterCities() + busiest.exchangeCities() / 2.0;
        List<Number> point = waitForColour("#chart-per-year", "{seriesIndex: 1}", "['" + busiest.year() + "', " + middle + "]",
                EXCHANGE_BLUE);

        // Pointing at that bar shows the year and its counts.
        BoundingBox box = page.locator("#chart-per-year").boundingBox();
        page.mouse().move(box.x + point.get(0).doubleValue(), box.y + point.get(1).doubleValue());
        Locator chart = page.locator("#chart-per-year");
        assertThat(chart).containsText("Partners in total");
        String tooltip = chart.innerText();
        assertThat(tooltip).contains(String.valueOf(busiest.year()))
                .containsPattern("Sister city\\s*" + busiest.sisterCities())
                .containsPattern("Exchange city\\s*" + busiest.exchangeCities());
    }

    @Test
    void theMapPutsEachPartnerAtItsCoordinatesAndAClickOpensIt() {
        List<PartnerRow> australia = new ArrayList<>();
        queries.forEach(new DirectoryFilter(null, null, Set.of("AU"), Set.of(), null, null, null, queries.today()),
                australia::add);
        assertThat(australia).hasSizeGreaterThan(1);
        page.navigate(url("/map?country=AU"));
        waitForChart("#partner-map");

        // One point per partner with coordinates, in its list's series.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) page.evaluate(
                "() => document.querySelector('#partner-map').chart.getOption().series"
                        + ".filter(s => s.type === 'scatter' && s.data.some(d => d.id !== undefined))"
                        + ".map(s => ({color: s.color, ids: s.data.map(d => String(d.id))}))");
        List<String> drawn = series.stream().flatMap(s -> strings(s.get("ids")).stream()).sorted().toList();
        assertThat(drawn).isEqualTo(australia.stream().filter(row -> row.latitude() != null)
                .map(row -> String.valueOf(row.id())).sorted().toList());

        // Each partner's point is painted in its list's colour at its longitude and latitude.
        PartnerRow sydney = australia.stream().filter(row -> row.nameEn().equals("Sydney")).findFirst().orElseThrow();
        String sydneyAt = "[" + sydney.longitude() + ", " + sydney.latitude() + "]";
        String sydneyColour = sydney.list() == PartnerList.SISTER ? SISTER_RED : EXCHANGE_BLUE;
        List<Number> where = waitForColour("#partner-map", "{geoIndex: 0}", sydneyAt, sydneyColour);

        // A click lands on the point once it is painted there. Once in CI (2 busy cores) a click went
        // unanswered although the point was painted: the chart was presumably drawing anew as it arrived.
        // Then the point is waited for again and clicked again, at most three times.
        BoundingBox box = page.locator("#partner-map").boundingBox();
        for (int attempt = 1; ; attempt++) {
            page.mouse().click(box.x + where.get(0).doubleValue(), box.y + where.get(1).doubleValue());
            try {
                page.waitForURL("**/partners/" + sydney.id(), new Page.WaitForURLOptions().setTimeout(10_000));
                break;
            } catch (com.microsoft.playwright.TimeoutError notYet) {
                if (attempt == 3) {
                    throw notYet;
                }
                where = waitForColour("#partner-map", "{geoIndex: 0}", sydneyAt, sydneyColour);
            }
        }
        assertThat(page.locator("#partner-name")).containsText("Sydney");
    }

    /** Until the chart element has its ECharts instance and the server's option in it. */
    private void waitForChart(String selector) {
        page.waitForFunction("selector => { const c = document.querySelector(selector)?.chart;"
                + " return c && c.getOption() && c.getOption().series && c.getOption().series.length > 0; }", selector);
    }

    /** The CSS pixel, relative to the chart, of a data point in one of its coordinate systems. */
    private List<Number> pixelOf(String selector, String finder, String value) {
        return numbers(page.evaluate("() => document.querySelector('" + selector + "').chart.convertToPixel("
                + finder + ", " + value + ")"));
    }

    /**
     * Until the canvas is painted close to a colour at a data point (animations end, tiles load): the browser's
     * own pixels, read back from the canvas at its device pixel ratio. The point's pixel is asked of the chart
     * on every try, since the chart may still be laid out anew (in CI, with 2 busy cores, a pixel taken once
     * went stale); returns where it was painted.
     */
    private List<Number> waitForColour(String selector, String finder, String value, String hex) {
        int red = Integer.parseInt(hex.substring(1, 3), 16);
        int green = Integer.parseInt(hex.substring(3, 5), 16);
        int blue = Integer.parseInt(hex.substring(5, 7), 16);
        page.waitForFunction("([selector, r, g, b]) => {"
                + " const p = document.querySelector(selector).chart.convertToPixel(" + finder + ", " + value + ");"
                + " if (!p) return false;"
                + " const c = document.querySelector(selector + ' canvas'); const ratio = c.width / c.clientWidth;"
                + " const d = c.getContext('2d').getImageData(Math.round(p[0] * ratio), Math.round(p[1] * ratio), 1, 1).data;"
                + " return d[3] > 200 && Math.abs(d[0] - r) < 40 && Math.abs(d[1] - g) < 40 && Math.abs(d[2] - b) < 40; }",
                List.of(selector, red, green, blue));
        return pixelOf(selector, finder, value);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return ((List<Object>) value).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Number> numbers(Object value) {
        return (List<Number>) value;
    }
}
