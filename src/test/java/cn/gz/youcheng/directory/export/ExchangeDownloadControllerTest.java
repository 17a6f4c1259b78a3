package cn.gz.youcheng.directory.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.registry.ExchangeKind;
import cn.gz.youcheng.registry.ExchangeService;
import cn.gz.youcheng.registry.ExchangeTheme;
import cn.gz.youcheng.registry.RegistryCommands.SaveExchange;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@IntegrationTest
class ExchangeDownloadControllerTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    ExchangeService exchanges;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    MockMvc http;
    long published;
    long internal;
    long kazan;

    @BeforeEach
    void exchangesOfKazan() {
        http = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        kazan = jdbc.sql("select id from partner where name_zh = '喀山'").query(Long.class).single();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "download.officer", null, AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
        try {
            published = exchanges.save(new SaveExchange(null, 0, kazan, null, LocalDate.of(2023, 7, 1), LocalDate.of(2023, 7, 3),
                    ExchangeKind.JOINT_PROJECT, Set.of(ExchangeTheme.YOUTH, ExchangeTheme.CULTURE), "=SUM(1)", "Youth camp, \"summer\"",
                    "第一段\n第二段", null, "广州市青少年宫", null, 40, "https://example.org/camp", true));
            internal = exchanges.save(new SaveExchange(null, 0, kazan, null, LocalDate.of(2023, 8, 1), null, ExchangeKind.GIFT,
                    Set.of(ExchangeTheme.OTHER), "内部礼品", null, null, null, null, null, null, null, false));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void theCsvHasEveryPublishedExchangeWithItsPartnerOnOneFormulaSafeLineAndNoInternalOne() throws Exception {
        MockHttpServletResponse response = fetch("/export/exchanges.csv");
        byte[] body = response.getContentAsByteArray();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).contains("guangzhou-partner-exchanges-");
        String csv = new String(body, StandardCharsets.UTF_8).substring(1);
        assertThat(csv).doesNotContainPattern("[^\\r]\n").doesNotContain("内部礼品");

        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(csv, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(ExchangeCsv.HEADER);
            records = parser.getRecords();
        }
        CSVRecord row = records.stream().filter(r -> r.get("exchange_id").equals(String.valueOf(published))).findFirst().orElseThrow();
        assertThat(row.get("partner_id")).isEqualTo(String.valueOf(kazan));
        assertThat(row.get("partner_name_zh")).isEqualTo("喀山");
        assertThat(row.get("partner_name_en")).isEqualTo("Kazan");
        assertThat(row.get("country_iso2")).isEqualTo("RU");
        assertThat(row.get("starts_on")).isEqualTo("2023-07-01");
        assertThat(row.get("ends_on")).isEqualTo("2023-07-03");
        assertThat(row.get("kind")).isEqualTo("joint-project");
        assertThat(row.get("themes")).isEqualTo("culture youth");
        assertThat(row.get("title_zh")).isEqualTo("'=SUM(1)");
        assertThat(row.get("title_en")).isEqualTo("Youth camp, \"summer\"");
        assertThat(row.get("summary_zh")).isEqualTo("第一段 第二段");
        assertThat(row.get("participants")).isEqualTo("40");
        assertThat(records).noneMatch(r -> r.get("exchange_id").equals(String.valueOf(internal)));
    }

    @Test
    void theJsonHasThePublishedExchangesWithThemesAsAListAndNoInternalOne() throws Exception {
        JsonNode document = json.readTree(fetch("/export/exchanges.json").getContentAsString(StandardCharsets.UTF_8));

        List<JsonNode> all = new java.util.ArrayList<>();
        document.get("exchanges").forEach(all::add);
        JsonNode exchange = all.stream().filter(e -> e.get("id").asLong() == published).findFirst().orElseThrow();
        assertThat(exchange.get("partnerNameEn").asString()).isEqualTo("Kazan");
        assertThat(exchange.get("partnerUrl").asString()).isEqualTo("http://localhost/partners/" + kazan);
        assertThat(exchange.get("themes").toString()).isEqualTo("[\"culture\",\"youth\"]");
        assertThat(exchange.get("summaryZh").asString()).isEqualTo("第一段\n第二段");
        assertThat(all).noneMatch(e -> e.get("id").asLong() == internal);
    }

    @Test
    void anUnchangedDownloadIsNotModified() throws Exception {
        String etag = fetch("/export/exchanges.csv").getHeader("ETag");
        assertThat(http.perform(get("/export/exchanges.csv").header("If-None-Match", etag)).andReturn().getResponse()
                .getStatus()).isEqualTo(304);
    }

    private MockHttpServletResponse fetch(String address) throws Exception {
        MockHttpServletResponse response = http.perform(get(address)).andReturn().getResponse();
        assertThat(response.getStatus()).as(address).isEqualTo(200);
        return response;
    }
}
