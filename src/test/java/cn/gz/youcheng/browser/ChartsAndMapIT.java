package cn.gz.youcheng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The charts and the map in a real browser, served in production mode with the production bundle. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"youcheng.embedded-database.temporary=true", "vaadin.productionMode=true"})
class ChartsAndMapIT extends BrowserTest {

    private Page page;

    @BeforeEach
    void newPage() {
        page = newPage("en-US");
    }

    @Test
    void theStatisticsChartsDrawAndShowATooltip() {
        page.navigate(url("/statistics"));
        Locator canvas = page.locator("#chart-per-year canvas").first();
        canvas.waitFor();
        page.waitForTimeout(1000);

        assertThat(paintedPixels("#chart-per-year")).isGreaterThan(2000);
        assertThat(paintedPixels("#chart-per-continent")).isGreaterThan(2000);
        BoundingBox box = canvas.boundingBox();
        // The tall 2021 bar sits right of the middle; sweep across the plot until the tooltip shows a year.
        String tooltip = "";
        for (double x = 0.55; x < 0.95 && !tooltip.contains("Partners in total"); x += 0.02) {
            page.mouse().move(box.x + box.width * x, box.y + box.height * 0.7);
            page.waitForTimeout(150);
            tooltip = page.locator("#chart-per-year").innerText();
        }
        assertThat(tooltip).contains("Partners in total").contains("Sister city").contains("Exchange city");
    }

    @Test
    void theMapDrawsThePartnersAndAClickOpensOne() {
        page.navigate(url("/map?q=Sydney"));
        Locator canvas = page.locator("#partner-map canvas").first();
        canvas.waitFor();
        page.waitForTimeout(1000);

        assertThat(paintedPixels("#partner-map")).isGreaterThan(20000);
        @SuppressWarnings("unchecked")
        List<Number> sydney = (List<Number>) page.evaluate(
                "() => document.querySelector('#partner-map').chart.convertToPixel({geoIndex: 0}, [151.20732, -33.86785])");
        BoundingBox box = page.locator("#partner-map").boundingBox();
        page.mouse().click(box.x + sydney.get(0).doubleValue(), box.y + sydney.get(1).doubleValue());

        page.waitForURL("**/partners/**");
        assertThat(page.locator("#partner-name").innerText()).contains("Sydney");
    }

    /** How many pixels of a chart's canvas are not transparent. */
    private int paintedPixels(String chart) {
        return ((Number) page.evaluate("selector => { const c = document.querySelector(selector + ' canvas');"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + " for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; }", chart)).intValue();
    }
}
