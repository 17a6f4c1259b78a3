package cn.gz.youcheng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What a client that runs no scripts receives (a search engine's crawler, a reader without JavaScript): the
 * public pages' content, titles, descriptions and language alternates in the first HTML, and status codes
 * that say whether a page exists. Against the application in production mode, as EndToEndIT.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"youcheng.embedded-database.temporary=true", "vaadin.productionMode=true",
                "app.admin.password=" + EndToEndIT.BOOTSTRAP_PASSWORD})
class FindableIT extends BrowserTest {

    @Test
    void theDirectorysFirstHtmlHoldsTheOfficialListsInTheLanguageAsked() {
        APIRequestContext http = newPage("en-US").request();
        Document english = html(http.get(url("/?lang=en")), 200);
        assertThat(english.title()).isEqualTo("Guangzhou's international partner cities · Guangzhou Friendship Cities");
        assertThat(english.select("html").attr("lang")).isEqualTo("en");
        assertThat(english.select("meta[name=description]").attr("content"))
                .startsWith("Guangzhou has friendly relations with 107 cities in 68 countries");
        assertThat(english.select("link[rel=canonical]").attr("href")).isEqualTo(url("/?lang=en"));
        assertThat(english.select("link[rel=alternate][hreflang=zh]").attr("href")).isEqualTo(url("/?lang=zh"));
        assertThat(english.select("link[rel=alternate][hreflang=x-default]").attr("href")).isEqualTo(url("/"));
        assertThat(english.select("meta[property=og:title]").attr("content")).isEqualTo(english.title());
        assertThat(english.select("meta[property=og:url]").attr("content")).isEqualTo(url("/?lang=en"));
        assertThat(english.select("meta[name=robots]")).isEmpty();

        // Both lists, sister cities first, each row numbered, its English name linking to its page, the
        // Chinese name beside it marked as Chinese.
        Elements tables = english.select("noscript table");
        assertThat(tables).hasSize(2);
        assertThat(tables.get(0).select("tbody tr")).hasSize(38);
        assertThat(tables.get(1).select("tbody tr")).hasSize(69);
        Element first = tables.get(0).selectFirst("tbody tr");
        assertThat(first.select("td").eachText()).containsExactly("1", "Fukuoka 福冈", "Japan", "1979-05-02");
        assertThat(first.selectFirst("span").attr("lang")).isEqualTo("zh");
        Element sydney = english.selectFirst("noscript a:containsOwn(Sydney)");
        assertThat(sydney.attr("href")).matches(url("/partners/") + "\\d+\\?lang=en");
        assertThat(english.select("noscript a[href$=/export/partners.csv]")).hasSize(1);
        // The data behind the page, as search engines' dataset search reads it.
        tools.jackson.databind.JsonNode dataset = new tools.jackson.databind.ObjectMapper()
                .readTree(english.select("script[type=application/ld+json]").first().data());
        assertThat(dataset.get("@type").asString()).isEqualTo("Dataset");
        assertThat(dataset.get("name").asString()).isEqualTo("Guangzhou's international partner cities");
        assertThat(dataset.get("temporalCoverage").asString()).startsWith("1979/");
        assertThat(dataset.get("distribution").findValuesAsString("contentUrl"))
                .containsExactly(url("/export/partners.csv"), url("/export/partners.xlsx"), url("/export/partners.json"));

        Document chinese = html(http.get(url("/?lang=zh")), 200);
        assertThat(chinese.select("html").attr("lang")).isEqualTo("zh");
        assertThat(chinese.title()).isEqualTo("广州市国际友好城市 · 广州国际友城");
        assertThat(chinese.selectFirst("noscript tbody tr").select("td").eachText())
                .containsExactly("1", "福冈 Fukuoka", "日本", "1979-05-02");
        assertThat(chinese.selectFirst("noscript tbody tr span").attr("lang")).isEqualTo("en");
        // Without ?lang=, the browser's language decides, as it does for the page the scripts draw.
        APIResponse browsersChoice = newPage("zh-CN").request().get(url("/"),
                RequestOptions.create().setHeader("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"));
        assertThat(html(browsersChoice, 200).select("html").attr("lang")).isEqualTo("zh");
    }

    @Test
    void aPartnersFirstHtmlHoldsItsFacts() {
        APIRequestContext http = newPage("en-US").request();
        String sydney = html(http.get(url("/?lang=en")), 200).selectFirst("noscript a:containsOwn(Sydney)").attr("href");
        Document page = html(http.get(sydney), 200);
        assertThat(page.title()).isEqualTo("悉尼 Sydney · Guangzhou Friendship Cities");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(sydney);
        assertThat(page.select("meta[name=description]").attr("content")).startsWith("Sydney, Australia: Sister city of Guangzhou since 1986");
        assertThat(page.selectFirst("noscript h1").text()).isEqualTo("Sydney 悉尼");
        assertThat(page.selectFirst("noscript h1 span").attr("lang")).isEqualTo("zh");
        assertThat(page.select("noscript p").eachText()).contains("Country: Australia (AU)");
        assertThat(page.select("noscript li").eachText()).anyMatch(item -> item.startsWith("Sister-city agreement · 1986"));
        assertThat(page.select("noscript a[href=https://www.geonames.org/2147714]").text()).isEqualTo("GeoNames 2147714");
    }

    @Test
    void theChangesFirstHtmlListsTheLatestChangesAndEveryPageNamesTheFeed() {
        APIRequestContext http = newPage("en-US").request();
        Document changes = html(http.get(url("/changes?lang=en")), 200);

        assertThat(changes.title()).isEqualTo("Changes to the lists · Guangzhou Friendship Cities");
        assertThat(changes.select("link[rel=alternate][type=application/atom+xml]").attr("href"))
                .isEqualTo(url("/feed.atom?lang=en"));
        assertThat(changes.select("noscript li")).hasSizeBetween(1, 50);
        assertThat(changes.select("noscript li a").eachAttr("href")).allMatch(href -> href.matches(url("/partners/") + "\\d+\\?lang=en"));
        assertThat(changes.select("noscript li").eachText()).allMatch(item -> item.matches("(New partner|New agreement|"
                + "Upgraded to sister city|Suspended|Ended|Reinstated): .+ \\(.+\\) · .+ · in effect from \\d{4}-\\d{2}-\\d{2}.*"));
        assertThat(html(http.get(url("/?lang=zh")), 200).select("link[type=application/atom+xml]").attr("href"))
                .isEqualTo(url("/feed.atom?lang=zh"));
    }

    @Test
    void pagesThatDoNotExistAnswer404AndDataPathsNeverAnswerWithThePage() {
        Page page = newPage("en-US");
        APIRequestContext http = page.request();
        for (String path : List.of("/partners/99999", "/partners/abc", "/partners/1/more", "/nowhere", "/sitemap")) {
            Document missing = html(http.get(url(path), RequestOptions.create().setMaxRedirects(0)), 404);
            assertThat(missing.select("meta[name=robots]").attr("content")).as(path).isEqualTo("noindex");
            assertThat(missing.selectFirst("noscript h1").text()).as(path).isEqualTo("Page not found");
        }
        for (String path : List.of("/export/nothing.csv", "/export/", "/api/v1/nothing", "/api")) {
            APIResponse missing = http.get(url(path), RequestOptions.create().setMaxRedirects(0));
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.headers().get("content-type")).as(path).startsWith("text/plain");
            assertThat(missing.text()).as(path).doesNotContain("<html");
        }
        // People get the not-found view, without being asked to sign in first.
        assertThat(page.navigate(url("/nowhere")).status()).isEqualTo(404);
        page.locator("#not-found").waitFor();
        assertThat(page.url()).isEqualTo(url("/nowhere"));
        // The officers' area still asks for an account.
        APIResponse admin = http.get(url("/admin"), RequestOptions.create().setMaxRedirects(0));
        assertThat(admin.status()).isEqualTo(302);
        assertThat(admin.headers().get("location")).endsWith("/login");
        assertThat(html(http.get(url("/login")), 200).select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    }

    @Test
    void theSitemapsAreOpenToCrawlersWithoutASession() {
        APIRequestContext http = newPage("en-US").request();
        for (String path : List.of("/sitemap.xml", "/sitemap-1.xml", "/robots.txt")) {
            APIResponse response = http.get(url(path), RequestOptions.create().setMaxRedirects(0));
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.headers()).as(path).doesNotContainKey("set-cookie");
        }
        assertThat(http.get(url("/sitemap.xml")).text()).contains("<loc>" + url("/?lang=zh") + "</loc>");
    }

    private static Document html(APIResponse response, int status) {
        assertThat(response.status()).as(response.url()).isEqualTo(status);
        assertThat(response.headers().get("content-type")).as(response.url()).startsWith("text/html");
        return Jsoup.parse(response.text());
    }
}
