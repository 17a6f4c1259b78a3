package cn.gz.youcheng.directory.ui.findable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.query.PartnerPagesQueries;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The sitemap lists every public view and every partner's page in both languages, each with the other as its
 * alternate and its last change from the registry's history; past the protocol's 50,000 addresses it becomes
 * an index of several sitemaps that together list every page once.
 */
@IntegrationTest
class SitemapTest {

    private static final String ORIGIN = "http://localhost";

    @Autowired
    WebApplicationContext context;
    @Autowired
    PartnerPagesQueries pages;
    @Autowired
    DirectoryQueries queries;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSitemapListsEveryPublicPageInBothLanguagesWithItsLastChange() throws Exception {
        MockMvc http = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        MockHttpServletResponse response = fetch(http, "/sitemap.xml");
        assertThat(response.getContentType()).startsWith("application/xml");
        Document sitemap = xml(response);
        assertThat(sitemap.select("urlset")).hasSize(1);

        List<Long> partners = jdbc.sql("select id from partner order by id").query(Long.class).list();
        List<String> expected = new ArrayList<>();
        for (String page : Stream.concat(Stream.of("", "statistics", "map", "changes", "anniversaries"), partners.stream().map(id -> "partners/" + id)).toList()) {
            expected.add(ORIGIN + "/" + page + "?lang=zh");
            expected.add(ORIGIN + "/" + page + "?lang=en");
        }
        assertThat(sitemap.select("url > loc").eachText()).containsExactlyElementsOf(expected);
        for (Element url : sitemap.select("url")) {
            String loc = url.selectFirst("loc").text();
            String page = loc.substring(0, loc.indexOf('?'));
            // Each language's address names both as alternates.
            assertThat(url.select("xhtml|link").eachAttr("href")).as(loc).containsExactly(page + "?lang=zh", page + "?lang=en");
            assertThat(url.select("xhtml|link").eachAttr("hreflang")).containsExactly("zh", "en");
            // A day, where the history has the page's changes (partners written past the services have none).
            assertThat(url.select("lastmod").eachText()).as(loc).allMatch(day -> day.matches("\\d{4}-\\d{2}-\\d{2}"));
        }
        // The views changed with the registry; a partner of the official list with its own history.
        long sydney = jdbc.sql("select id from partner where name_zh = '悉尼'").query(Long.class).single();
        for (String page : List.of("/?lang=zh", "/map?lang=en", "/partners/" + sydney + "?lang=en")) {
            assertThat(sitemap.select("url:has(loc:containsOwn(" + ORIGIN + page + ")) > lastmod")).as(page).hasSize(1);
        }

        // robots.txt names it by its full address.
        String robots = http.perform(get("/robots.txt")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(robots.lines()).contains("Sitemap: " + ORIGIN + "/sitemap.xml");
    }

    @Test
    void beyondOneSitemapsAddressesTheSitemapIsAnIndexOfSitemapsThatListEveryPageOnce() throws Exception {
        // 40 partners per sitemap instead of 24,995: the official list's 107 partners need three.
        MockMvc http = MockMvcBuilders.standaloneSetup(new SitemapController(pages, queries, 40)).build();
        Document index = xml(fetch(http, "/sitemap.xml"));
        assertThat(index.select("sitemapindex > sitemap > loc").eachText()).containsExactly(
                ORIGIN + "/sitemap-1.xml", ORIGIN + "/sitemap-2.xml", ORIGIN + "/sitemap-3.xml");

        List<String> listed = new ArrayList<>();
        for (int number = 1; number <= 3; number++) {
            Document part = xml(fetch(http, "/sitemap-" + number + ".xml"));
            List<String> locs = part.select("url > loc").eachText();
            assertThat(locs.size()).as("sitemap " + number).isLessThanOrEqualTo(2 * 40 + 2 * 5);
            listed.addAll(locs);
        }
        List<Long> partners = jdbc.sql("select id from partner order by id").query(Long.class).list();
        assertThat(listed).doesNotHaveDuplicates().hasSize(2 * (5 + partners.size()))
                .contains(ORIGIN + "/?lang=zh", ORIGIN + "/partners/" + partners.getLast() + "?lang=en");
        assertThat(http.perform(get("/sitemap-4.xml")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(http.perform(get("/sitemap-0.xml")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    /** The response of a sitemap, written by the server after the request returned. */
    private static MockHttpServletResponse fetch(MockMvc http, String path) throws Exception {
        MvcResult started = http.perform(get(path)).andReturn();
        MockHttpServletResponse response = http.perform(asyncDispatch(started)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response;
    }

    private static Document xml(MockHttpServletResponse response) throws Exception {
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8), "", Parser.xmlParser());
    }
}
