package cn.gz.youcheng.directory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.query.PartnerRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@IntegrationTest
class PartnersApiTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    ObjectMapper json;
    @Autowired
    DirectoryQueries queries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    cn.gz.youcheng.registry.RegistryService registry;

    MockMvc http;

    @BeforeEach
    void anotherSite() {
        http = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void followingNextReadsTheWholeSelectionInTheDirectorysOrderWithTheDownloadsFieldsAndIds() throws Exception {
        List<JsonNode> read = new ArrayList<>();
        String address = "/api/v1/partners?limit=40";
        JsonNode page = null;
        int pages = 0;
        while (address != null) {
            MockHttpServletResponse response = fetch(address, 200);
            assertThat(response.getContentType()).startsWith("application/json");
            page = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
            page.get("partners").forEach(read::add);
            address = page.get("next").isNull() ? null : page.get("next").asString().replace("http://localhost", "");
            pages++;
        }

        List<PartnerRow> grid = queries.page(DirectoryFilter.official(queries.today()), List.of(), 0, 1000);
        assertThat(pages).isEqualTo(3);
        assertThat(page.get("total").asInt()).isEqualTo(107).isEqualTo(grid.size());
        assertThat(read).extracting(partner -> partner.get("id").asLong()).containsExactlyElementsOf(
                grid.stream().map(PartnerRow::id).toList());
        JsonNode fukuoka = read.getFirst();
        assertThat(fukuoka.get("url").asString()).isEqualTo("http://localhost/partners/" + fukuoka.get("id").asLong());
        assertThat(fukuoka.get("list").asString()).isEqualTo("sister");
        assertThat(fukuoka.get("seq").asInt()).isEqualTo(1);
        assertThat(fukuoka.get("nameZh").asString()).isEqualTo("福冈");
        assertThat(fukuoka.get("signedOn").asString()).isEqualTo("1979-05-02");
        assertThat(fukuoka.get("geonamesId").asLong()).isEqualTo(1863967);
        assertThat(fukuoka.get("status").asString()).isEqualTo("active");
        // The same fields as the JSON download, and no others.
        JsonNode download = json.readTree(fetch("/export/partners.json", 200).getContentAsString(StandardCharsets.UTF_8));
        List<String> downloadFields = new ArrayList<>(download.get("partners").get(0).propertyNames());
        List<String> apiFields = new ArrayList<>(fukuoka.propertyNames());
        apiFields.remove("url");
        assertThat(apiFields).containsExactlyElementsOf(downloadFields);
    }

    @Test
    void theDirectorysFiltersSelectTheSameRowsAsTheDownloadAndACountryWithoutPartnersSelectsNone() throws Exception {
        JsonNode japan = json.readTree(fetch("/api/v1/partners?country=JP&asOf=2019-12-31", 200)
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(japan.get("asOf").asString()).isEqualTo("2019-12-31");
        assertThat(japan.get("total").asInt()).isEqualTo(3);
        assertThat(japan.get("partners")).allSatisfy(partner -> assertThat(partner.get("countryIso2").asString()).isEqualTo("JP"));
        assertThat(japan.get("next").isNull()).isTrue();

        JsonNode iceland = json.readTree(fetch("/api/v1/partners?country=IS", 200).getContentAsString(StandardCharsets.UTF_8));
        assertThat(iceland.get("total").asInt()).isZero();
        assertThat(iceland.get("partners")).isEmpty();
    }

    @Test
    void aMalformedFilterLimitOrCursorIsAClear400AndAnOutdatedCursorA409() throws Exception {
        for (String address : List.of("/api/v1/partners?from=abc", "/api/v1/partners?status=maybe",
                "/api/v1/partners?asOf=2019-02-30", "/api/v1/partners?limit=0", "/api/v1/partners?limit=5000",
                "/api/v1/partners?cursor=%%%", "/api/v1/partners?cursor=bm9wZQ", "/api/v1/partners/7?asOf=yesterday")) {
            MockHttpServletResponse response = fetch(address, 400);
            assertThat(response.getContentType()).as(address).startsWith("application/problem+json");
            JsonNode problem = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("detail").asString()).as(address).startsWith("Parameter ");
            assertThat(problem.get("detailZh").asString()).as(address).startsWith("参数 ");
        }
        assertThat(json.readTree(fetch("/api/v1/partners?from=abc", 400).getContentAsString(StandardCharsets.UTF_8))
                .get("detail").asString()).isEqualTo("Parameter from cannot be “abc”.");

        String next = json.readTree(fetch("/api/v1/partners?limit=10", 200).getContentAsString(StandardCharsets.UTF_8))
                .get("next").asString().replace("http://localhost", "");
        // Any change an officer makes is a new revision of the registry.
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated("api.officer",
                        null, org.springframework.security.core.authority.AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
        try {
            long quito = jdbc.sql("select id from partner where name_zh = '基多'").query(Long.class).single();
            var now = registry.partnerForEditing(quito).orElseThrow();
            registry.editPartner(new cn.gz.youcheng.registry.RegistryCommands.EditPartner(quito, now.version(), now.nameZh(),
                    now.nameEn(), now.adminLevel(), now.latitude(), now.longitude(), "3652462",
                    "Q2900".equals(now.wikidataQid()) ? null : "Q2900"));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        JsonNode outdated = json.readTree(fetch(next, 409).getContentAsString(StandardCharsets.UTF_8));
        assertThat(outdated.get("detail").asString()).contains("start again");
    }

    @Test
    void onePartnerHasItsAgreementsAndPublicHistoryAndAnUnknownIdIsA404() throws Exception {
        long sydney = jdbc.sql("select id from partner where name_zh = '悉尼'").query(Long.class).single();
        JsonNode partner = json.readTree(fetch("/api/v1/partners/" + sydney, 200).getContentAsString(StandardCharsets.UTF_8));

        assertThat(partner.get("nameEn").asString()).isEqualTo("Sydney");
        assertThat(partner.get("geonamesId").asLong()).isEqualTo(2147714);
        assertThat(partner.get("standing").get("list").asString()).isEqualTo("sister");
        JsonNode agreement = partner.get("agreements").get(0);
        assertThat(agreement.get("kind").asString()).isEqualTo("sister-city");
        assertThat(agreement.get("history").get(0).get("status").asString()).isEqualTo("active");
        assertThat(partner.toString()).doesNotContain("internal").doesNotContain("Internal");

        JsonNode before = json.readTree(fetch("/api/v1/partners/" + sydney + "?asOf=1980-01-01", 200)
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(before.get("standing").isNull()).as("not yet signed in 1980").isTrue();

        for (String unknown : List.of("999999999", "abc")) {
            JsonNode problem = json.readTree(fetch("/api/v1/partners/" + unknown, 404).getContentAsString(StandardCharsets.UTF_8));
            assertThat(problem.get("detail").asString()).isEqualTo("No partner has the id “" + unknown + "”.");
        }
    }

    @Test
    void scriptsOnAnySiteMayReadButTheApiAnswersNoWriteAndSetsNoSession() throws Exception {
        MockHttpServletResponse response = http.perform(get("/api/v1/partners?limit=1").header("Origin", "https://news.example"))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(response.getCookie("JSESSIONID")).isNull();

        MockHttpServletResponse preflight = http.perform(options("/api/v1/partners").header("Origin", "https://news.example")
                .header("Access-Control-Request-Method", "GET")).andReturn().getResponse();
        assertThat(preflight.getStatus()).isEqualTo(200);
        assertThat(preflight.getHeader("Access-Control-Allow-Methods")).isEqualTo("GET");
        MockHttpServletResponse write = http.perform(options("/api/v1/partners").header("Origin", "https://news.example")
                .header("Access-Control-Request-Method", "DELETE")).andReturn().getResponse();
        assertThat(write.getHeader("Access-Control-Allow-Methods")).as("a browser then refuses to send it")
                .isNotEqualTo("DELETE").satisfiesAnyOf(methods -> assertThat(methods).isNull(),
                        methods -> assertThat(methods).isEqualTo("GET"));
        assertThat(http.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/partners/1"))
                .andReturn().getResponse().getStatus()).isIn(403, 405);
    }

    @Test
    void aConditionalGetOfAnUnchangedPageIsNotModified() throws Exception {
        MockHttpServletResponse first = fetch("/api/v1/partners?list=sister&limit=5", 200);
        String etag = first.getHeader("ETag");

        MockHttpServletResponse again = http.perform(get("/api/v1/partners?list=sister&limit=5").header("If-None-Match", etag))
                .andReturn().getResponse();

        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getContentAsByteArray()).isEmpty();
    }

    private MockHttpServletResponse fetch(String address, int status) throws Exception {
        MockHttpServletResponse response = http.perform(get(address)).andReturn().getResponse();
        assertThat(response.getStatus()).as(address).isEqualTo(status);
        return response;
    }
}
