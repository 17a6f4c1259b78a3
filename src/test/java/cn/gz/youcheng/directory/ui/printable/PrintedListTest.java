package cn.gz.youcheng.directory.ui.printable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.base.ui.Language;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.query.PartnerRow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The directory's selection for paper, as any visitor fetches it, over the real database. */
@IntegrationTest
class PrintedListTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DirectoryQueries queries;

    MockMvc http;

    @BeforeEach
    void anonymousVisitor() {
        http = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void theOfficialListPrintsEveryPartnerInTheOfficialOrderUnderAHeaderWithTheDate() throws Exception {
        MockHttpServletResponse response = fetch("/export/partners.html?lang=zh");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/html").contains("UTF-8");
        assertThat(response.getHeader("Content-Disposition")).isNull();
        Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("html").attr("lang")).isEqualTo("zh");
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        // The page header is a row of the table's head, which a browser repeats on every printed page.
        Element head = page.selectFirst("#printed-list table > thead");
        assertThat(head.select("tr.page-header").text()).contains("广州市国际友好城市")
                .contains("截至" + queries.today().getYear() + "年");
        assertThat(head.select("tr").get(1).select("th")).extracting(Element::text)
                .containsExactly("类别", "序", "城市名称", "英文名称", "国家", "签约时间", "状态");
        List<Element> rows = page.select("#printed-list tbody tr");
        assertThat(rows).hasSize(107);
        assertThat(rows.getFirst().select("td").get(2).text()).isEqualTo("福冈");
        assertThat(rows.getLast().select("td").get(3).text()).isEqualTo("San Francisco");
        assertThat(rows.getLast().select("td").get(3).attr("lang")).isEqualTo("en");
        assertThat(page.select(".about").text()).contains("107");
        assertThat(page.select(".about a").attr("href")).endsWith("/");
    }

    @Test
    void aSelectionPrintsItsRowsInTheVisitorsLanguageWithTheAddressToFindItAgain() throws Exception {
        Document page = Jsoup.parse(fetch("/export/partners.html?country=JP&lang=en").getContentAsString(StandardCharsets.UTF_8));

        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("title").text()).isEqualTo("Guangzhou's international partner cities · Guangzhou Friendship Cities");
        assertThat(page.select("#printed-list tbody tr")).isNotEmpty()
                .allSatisfy(row -> assertThat(row.select("td").get(4).text()).isEqualTo("Japan"));
        assertThat(page.select("#printed-list tbody tr")).hasSize(queries.count(
                new DirectoryFilter(null, null, java.util.Set.of("JP"), java.util.Set.of(), null, null,
                        cn.gz.youcheng.registry.AgreementStatus.ACTIVE, queries.today())));
        assertThat(page.select(".about a").attr("href")).endsWith("/?country=JP");
    }

    @Test
    void theContentAloneIsWhatTheDirectoryPrintsInPlaceOfItsGrid() throws Exception {
        String content = fetch("/export/partners.html?part=content&lang=en&list=sister").getContentAsString(StandardCharsets.UTF_8);

        assertThat(content).startsWith("<main id=\"printed-list\"").doesNotContain("<html").doesNotContain("<head");
        assertThat(Jsoup.parseBodyFragment(content).select("tbody tr")).hasSize(38);
    }

    @Test
    void aSelectionOfNoPartnerPrintsItsHeaderAndSaysSo() throws Exception {
        Document page = Jsoup.parse(fetch("/export/partners.html?q=no-such-partner-anywhere&lang=en")
                .getContentAsString(StandardCharsets.UTF_8));

        assertThat(page.select("#printed-list tbody tr")).isEmpty();
        assertThat(page.select("#printed-list thead tr.page-header").text()).contains("as of");
        assertThat(page.select(".about").text()).contains("No partner matches these filters.");
    }

    @Test
    void aSelectionLargerThanAPrintHoldsSaysHowManyArePrintedAndWhereTheRestAre() {
        List<PartnerRow> rows = queries.page(DirectoryFilter.official(queries.today()), List.of(), 0, 3);
        var totals = queries.totals(DirectoryFilter.official(queries.today()));

        Element content = new PrintedList(Language.EN).content(rows, totals, totals, "https://example.org/");

        assertThat(content.select("tbody tr")).hasSize(3);
        assertThat(content.select(".about").text())
                .contains("The first 3 of 107 cities are printed here; every city is in the downloads.");
    }

    @Test
    void namesAreEscapedLikeEveryOtherOutput() {
        var totals = queries.totals(DirectoryFilter.official(queries.today()));
        PartnerRow row = queries.page(DirectoryFilter.official(queries.today()), List.of(), 0, 1).getFirst();
        PartnerRow hostile = new PartnerRow(row.id(), row.list(), row.seq(), "<script>alert(1)</script>",
                "\"><img src=x onerror=alert(1)>", row.countryIso2(), row.countryZh(), row.countryEn(),
                row.continent(), row.adminLevel(), row.signedOn(), row.status(), row.latitude(), row.longitude(), row.geonamesId(),
                row.wikidataQid());

        String html = new PrintedList(Language.ZH).content(List.of(hostile), totals, totals, "https://example.org/?q=<b>")
                .outerHtml();

        assertThat(html).doesNotContain("<script>").doesNotContain("<img").doesNotContain("<b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    private MockHttpServletResponse fetch(String path) throws Exception {
        return http.perform(get(path)).andReturn().getResponse();
    }
}
