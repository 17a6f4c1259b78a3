package cn.gz.youcheng.directory.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.registry.AdminLevel;
import cn.gz.youcheng.registry.AgreementKind;
import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.Partner;
import cn.gz.youcheng.registry.importing.OfficialListParser;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.repository.CountryRepository;
import cn.gz.youcheng.registry.repository.PartnerRepository;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@IntegrationTest
class DownloadControllerTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    ObjectMapper json;
    @Autowired
    DirectoryQueries queries;
    @Autowired
    PartnerRepository partners;
    @Autowired
    CountryRepository countries;
    @Autowired
    TransactionTemplate transactions;

    MockMvc http;

    @BeforeEach
    void anonymousVisitor() {
        http = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void theCsvStartsWithAByteOrderMarkAndHasAHeaderAnd107Rows() throws Exception {
        MockHttpServletResponse response = fetch("/export/partners.csv");

        byte[] body = response.getContentAsByteArray();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String csv = new String(body, StandardCharsets.UTF_8).substring(1);
        String[] records = csv.split("\r\n");
        assertThat(records).hasSize(108);
        assertThat(records[0]).startsWith("list,seq,name_zh,name_en,");
        assertThat(records[1]).isEqualTo("sister,1,福冈,Fukuoka,日本,Japan,JP,asia,city,1979-05-02,active,33.6,130.41667");
        assertThat(csv).doesNotContain("\r\r").doesNotContainPattern("[^\r]\n");
        assertThat(response.getContentType()).startsWith("text/csv").contains("UTF-8");
        assertThat(response.getHeader("Content-Disposition"))
                .startsWith("attachment").contains("guangzhou-partners-" + queries.today() + ".csv");
    }

    @Test
    void bomFalseLeavesTheByteOrderMarkOut() throws Exception {
        byte[] body = fetch("/export/partners.csv?bom=false").getContentAsByteArray();

        assertThat(new String(body, StandardCharsets.UTF_8)).startsWith("list,seq,");
    }

    @Test
    void aMalformedBomParameterIsTheCallersMistakeNotAServerError() throws Exception {
        MockHttpServletResponse response = http.perform(get("/export/partners.csv?bom=maybe")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("Parameter bom cannot be “maybe”.\n参数 bom 不能为“maybe”。\n");
    }

    @Test
    void theCsvHasTheSameRowsAsTheGridForTheSameFilters() throws Exception {
        String csv = fetch("/export/partners.csv?bom=false&country=JP&asOf=2019-12-31").getContentAsString();

        assertThat(csv.split("\r\n")).hasSize(1 + 3);
        assertThat(fetch("/export/partners.csv?bom=false&list=sister").getContentAsString().split("\r\n")).hasSize(1 + 38);
        MockHttpServletResponse withBadParameter = fetch("/export/partners.csv?from=abc");
        assertThat(withBadParameter.getHeader("X-Ignored-Parameters")).isEqualTo("from=abc");
        assertThat(withBadParameter.getContentAsString(StandardCharsets.UTF_8).split("\r\n")).hasSize(108);
    }

    @Test
    void aMatchingEtagGetsNotModified() throws Exception {
        MockHttpServletResponse first = fetch("/export/partners.csv?country=JP");
        String etag = first.getHeader("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.getHeader("Last-Modified")).isNotBlank();
        assertThat(first.getHeader("Cache-Control")).contains("no-cache").contains("public");

        MockHttpServletResponse again = http.perform(get("/export/partners.csv?country=JP").header("If-None-Match", etag))
                .andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getContentAsByteArray()).isEmpty();

        MockHttpServletResponse otherFilter = http.perform(
                get("/export/partners.csv?country=US").header("If-None-Match", etag)).andReturn().getResponse();
        assertThat(otherFilter.getStatus()).isEqualTo(200);
    }

    @Test
    void awkwardNamesAreQuotedAndFormulasNeutralisedInTheDownload() throws Exception {
        // Terminated, so that the current lists the other tests count stay as published.
        transactions.executeWithoutResult(status -> {
            Partner partner = new Partner("=HYPERLINK(\"x\")", "Saint-Malo, \"Cité\" corsaire",
                    countries.getReferenceById("FR"), AdminLevel.CITY);
            partner.sign(AgreementKind.FRIENDLY_EXCHANGE, LocalDate.of(2001, 1, 1))
                    .changeStatus(AgreementStatus.TERMINATED, LocalDate.of(2005, 1, 1), "test");
            partners.save(partner);
        });

        String csv = fetch("/export/partners.csv?bom=false&status=terminated&country=FR")
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(csv).isEqualTo(String.join("\r\n",
                "list,seq,name_zh,name_en,country_zh,country_en,country_iso2,continent,admin_level,signed_on,status,lat,lon",
                "exchange,,\"'=HYPERLINK(\"\"x\"\")\",\"Saint-Malo, \"\"Cité\"\" corsaire\",法国,France,FR,europe,city,"
                        + "2001-01-01,terminated,,", ""));
        assertThat(fetch("/export/partners.csv?bom=false&status=terminated&country=FR&asOf=2004-12-31")
                .getContentAsString(StandardCharsets.UTF_8).split("\r\n")).hasSize(1);
    }

    @Test
    void theJsonCarriesMetadataAndTheSameRows() throws Exception {
        JsonNode document = json.readTree(fetch("/export/partners.json?continent=oceania").getContentAsString(StandardCharsets.UTF_8));

        JsonNode metadata = document.get("metadata");
        assertThat(metadata.get("asOf").asString()).isEqualTo(queries.today().toString());
        assertThat(metadata.get("totals").get("cities").asInt()).isEqualTo(document.get("partners").size());
        assertThat(metadata.get("officialSentence").asString()).isEqualTo("广州与 68 个国家的 107 个城市建立了友好关系");
        assertThat(metadata.get("coordinatesCredit").asString()).contains("GeoNames");
        assertThat(document.get("partners")).allSatisfy(partner ->
                assertThat(partner.get("continent").asString()).isEqualTo("oceania"));
        assertThat(document.get("partners").get(0).get("nameEn").asString()).isEqualTo("Sydney");
    }

    @Test
    void theOfficialTextIsWrittenFromTheDatabaseAndReadsBack() throws Exception {
        MockHttpServletResponse response = fetch("/export/official.txt?asOf=2019-12-31");

        String text = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getContentType()).startsWith("text/plain");
        assertThat(text).contains("以上合计，广州与 ");
        assertThat(OfficialListParser.parse(text).cityCount()).isEqualTo(82);
    }

    @Test
    void downloadsNeedNoSignInAndNoSession() throws Exception {
        MockHttpServletResponse response = fetch("/export/partners.json");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getCookie("JSESSIONID")).isNull();
    }

    private MockHttpServletResponse fetch(String url) throws Exception {
        MockHttpServletResponse response = http.perform(get(url)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response;
    }
}
