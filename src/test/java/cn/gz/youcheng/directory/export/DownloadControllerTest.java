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
import java.util.List;
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
        assertThat(records[0]).startsWith("id,list,seq,name_zh,name_en,");
        long fukuoka = partners.findByIdentity("福冈", "JP").orElseThrow().getId();
        assertThat(records[1]).as("the partner's id for its page, the place's GeoNames id, no Wikidata item yet")
                .isEqualTo(fukuoka + ",sister,1,福冈,Fukuoka,日本,Japan,JP,asia,city,1979-05-02,active,33.6,130.41667,1863967,");
        assertThat(csv).doesNotContain("\r\r").doesNotContainPattern("[^\r]\n");
        assertThat(response.getContentType()).startsWith("text/csv").contains("UTF-8");
        assertThat(response.getHeader("Content-Disposition"))
                .startsWith("attachment").contains("guangzhou-partners-" + queries.today() + ".csv");
    }

    @Test
    void bomFalseLeavesTheByteOrderMarkOut() throws Exception {
        byte[] body = fetch("/export/partners.csv?bom=false").getContentAsByteArray();

        assertThat(new String(body, StandardCharsets.UTF_8)).startsWith("id,list,seq,");
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

        long id = partners.findByIdentity("=HYPERLINK(\"x\")", "FR").orElseThrow().getId();
        assertThat(csv).isEqualTo(String.join("\r\n",
                "id,list,seq,name_zh,name_en,country_zh,country_en,country_iso2,continent,admin_level,signed_on,status,lat,lon,"
                        + "geonames_id,wikidata_qid",
                id + ",exchange,,\"'=HYPERLINK(\"\"x\"\")\",\"Saint-Malo, \"\"Cité\"\" corsaire\",法国,France,FR,europe,city,"
                        + "2001-01-01,terminated,,,,", ""));
        assertThat(fetch("/export/partners.csv?bom=false&status=terminated&country=FR&asOf=2004-12-31")
                .getContentAsString(StandardCharsets.UTF_8).split("\r\n")).hasSize(1);
    }

    @Test
    void wikidataGetsOneTwinningEachWayPerPartnerWithAnItemStartedOnItsAgreementsDayEndedWhenTerminated() throws Exception {
        // Ended, so that the current lists the other tests count stay as published.
        transactions.executeWithoutResult(status -> {
            Partner partner = new Partner("乌普萨拉", "Uppsala", countries.getReferenceById("SE"), AdminLevel.CITY);
            partner.identify(null, "Q25286");
            partner.sign(AgreementKind.FRIENDLY_EXCHANGE, LocalDate.of(2003, 4, 5))
                    .changeStatus(AgreementStatus.TERMINATED, LocalDate.of(2011, 6, 7), "test");
            partners.save(partner);
        });
        long uppsala = partners.findByIdentity("乌普萨拉", "SE").orElseThrow().getId();
        long fukuoka = partners.findByIdentity("福冈", "JP").orElseThrow().getId();
        transactions.executeWithoutResult(status -> partners.findById(fukuoka).orElseThrow().identify(1863967L, "Q26600"));
        try {
            MockHttpServletResponse response = fetch("/export/wikidata.tsv");

            assertThat(response.getContentType()).startsWith("text/tab-separated-values").contains("UTF-8");
            assertThat(response.getHeader("Content-Disposition")).contains(".tsv");
            List<String> lines = List.of(response.getContentAsString(StandardCharsets.UTF_8).split("\n"));
            assertThat(lines).allSatisfy(line -> assertThat(line.split("\t").length).as(line).isIn(7, 9));
            assertThat(lines).filteredOn(line -> line.contains("Q26600")).containsExactly(
                    "Q16572\tP190\tQ26600\tP580\t+1979-05-02T00:00:00Z/11\tS854\t\"http://localhost/partners/" + fukuoka + "\"",
                    "Q26600\tP190\tQ16572\tP580\t+1979-05-02T00:00:00Z/11\tS854\t\"http://localhost/partners/" + fukuoka + "\"");
            assertThat(lines).filteredOn(line -> line.startsWith("Q16572\tP190\tQ25286\t")).containsExactly(
                    "Q16572\tP190\tQ25286\tP580\t+2003-04-05T00:00:00Z/11\tP582\t+2011-06-07T00:00:00Z/11"
                            + "\tS854\t\"http://localhost/partners/" + uppsala + "\"");
            assertThat(lines).as("partners without an item are not there").noneMatch(line -> line.contains("\tnull"));
        } finally {
            transactions.executeWithoutResult(status -> partners.findById(fukuoka).orElseThrow().identify(1863967L, null));
        }
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
        assertThat(document.get("partners").get(0).get("id").asLong())
                .isEqualTo(partners.findByIdentity("悉尼", "AU").orElseThrow().getId());
        assertThat(document.get("partners").get(0).get("geonamesId").asLong()).isEqualTo(2147714);
        assertThat(document.get("partners").get(0).get("wikidataQid").isNull()).isTrue();
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

    @Test
    void theCsvNamesItsCsvOnTheWebDescriptionWhoseColumnsAreItsHeaderInOrderAndFitEveryRow() throws Exception {
        MockHttpServletResponse csv = fetch("/export/partners.csv?bom=false&status=all");
        assertThat(csv.getHeader("Link"))
                .isEqualTo("<partners.csv-metadata.json?status=all>; rel=\"describedby\"; type=\"application/csvm+json\"");
        List<List<String>> records;
        try (var parser = org.apache.commons.csv.CSVParser.parse(csv.getContentAsString(StandardCharsets.UTF_8),
                org.apache.commons.csv.CSVFormat.RFC4180)) {
            records = parser.stream().map(org.apache.commons.csv.CSVRecord::toList).toList();
        }

        MockHttpServletResponse described = fetch("/export/partners.csv-metadata.json?status=all");
        assertThat(described.getContentType()).startsWith("application/csvm+json");
        assertThat(described.getHeader("Content-Disposition")).isNull();
        JsonNode metadata = json.readTree(described.getContentAsString(StandardCharsets.UTF_8));
        assertThat(metadata.get("@context").get(0).asString()).isEqualTo("http://www.w3.org/ns/csvw");
        assertThat(metadata.get("url").asString()).isEqualTo("partners.csv?status=all");
        assertThat(metadata.get("dc:license").get("@id").asString()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(metadata.get("dc:source").asString()).contains("GeoNames");
        assertThat(metadata.get("dc:title").findValuesAsString("@language")).containsExactly("zh", "en");
        List<JsonNode> columns = new java.util.ArrayList<>();
        metadata.get("tableSchema").get("columns").forEach(columns::add);
        assertThat(columns).extracting(column -> column.get("name").asString()).containsExactlyElementsOf(records.getFirst());
        assertThat(columns).allSatisfy(column -> {
            assertThat(column.get("titles").get("en").get(0).asString()).isEqualTo(column.get("name").asString());
            assertThat(column.get("titles").get("zh").asString()).isNotBlank();
        });
        // Each row is about the partner page of its id; identifiers of other registers stand for their addresses.
        assertThat(metadata.get("tableSchema").get("aboutUrl").asString()).isEqualTo("../partners/{id}");
        assertThat(metadata.get("tableSchema").get("primaryKey").asString()).isEqualTo("id");
        assertThat(columns).filteredOn(column -> column.has("valueUrl"))
                .extracting(column -> column.get("valueUrl").asString())
                .containsExactly("https://www.geonames.org/{geonames_id}", "http://www.wikidata.org/entity/{wikidata_qid}");
        // Every value of every row is what its column's datatype says: a CSV on the Web validator's check.
        assertThat(records).hasSizeGreaterThan(100);
        for (List<String> row : records.subList(1, records.size())) {
            for (int i = 0; i < columns.size(); i++) {
                assertThat(fits(row.get(i), columns.get(i))).as(columns.get(i).get("name").asString() + " = " + row.get(i)
                        + " in " + row).isTrue();
            }
        }
    }

    @Test
    void theWorkbookHoldsTheCsvsRowsUnderAFrozenHeaderWithDatesAsDatesAndNumbersAsNumbers() throws Exception {
        List<List<String>> csv;
        try (var parser = org.apache.commons.csv.CSVParser.parse(fetch("/export/partners.csv?bom=false&status=all")
                .getContentAsString(StandardCharsets.UTF_8), org.apache.commons.csv.CSVFormat.RFC4180)) {
            csv = parser.stream().map(org.apache.commons.csv.CSVRecord::toList).toList();
        }

        MockHttpServletResponse response = fetch("/export/partners.xlsx?status=all");
        assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.getHeader("Content-Disposition")).contains("guangzhou-partners-" + queries.today() + ".xlsx");
        byte[] file = response.getContentAsByteArray();
        List<org.dhatim.fastexcel.reader.Row> rows;
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(file),
                new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
            rows = workbook.getFirstSheet().read();
        }

        assertThat(rows).hasSameSizeAs(csv);
        assertThat(rows.getFirst().stream().map(org.dhatim.fastexcel.reader.Cell::getText)).containsExactlyElementsOf(csv.getFirst());
        List<String> header = csv.getFirst();
        for (int r = 1; r < rows.size(); r++) {
            List<String> expected = csv.get(r);
            var row = rows.get(r);
            for (int c = 0; c < header.size(); c++) {
                String column = header.get(c);
                var cell = row.getOptionalCell(c);
                String where = column + " of row " + r;
                if (expected.get(c).isEmpty()) {
                    assertThat(cell.map(org.dhatim.fastexcel.reader.Cell::getText).orElse("")).as(where).isEmpty();
                } else if (column.equals("signed_on")) {
                    assertThat(cell.get().getType()).as(where).isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
                    assertThat(cell.get().getDataFormatString()).as(where).isEqualTo("yyyy-mm-dd");
                    assertThat(cell.get().asDate().toLocalDate()).as(where).isEqualTo(LocalDate.parse(expected.get(c)));
                } else if (List.of("id", "seq", "lat", "lon", "geonames_id").contains(column)) {
                    assertThat(cell.get().getType()).as(where).isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
                    assertThat(cell.get().asNumber()).as(where).isEqualByComparingTo(new java.math.BigDecimal(expected.get(c)));
                } else {
                    assertThat(cell.get().getType()).as(where).isEqualTo(org.dhatim.fastexcel.reader.CellType.STRING);
                    assertThat(cell.get().asString()).as(where).isEqualTo(expected.get(c));
                }
            }
        }
        // The header row stays in sight when scrolling.
        java.nio.file.Path saved = java.nio.file.Files.createTempFile("partners", ".xlsx");
        try {
            java.nio.file.Files.write(saved, file);
            // Read by its central directory, as Excel does: entries streamed with data descriptors.
            try (var zip = new java.util.zip.ZipFile(saved.toFile())) {
                String sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                        StandardCharsets.UTF_8);
                assertThat(sheet).contains("ySplit=\"1\"").contains("state=\"frozen\"");
            }
        } finally {
            java.nio.file.Files.delete(saved);
        }
    }

    @Test
    void theCatalogueDescribesEachDatasetAndFileThatAnswersAsItSays() throws Exception {
        MockHttpServletResponse response = fetch("/export/catalog.jsonld");
        assertThat(response.getContentType()).startsWith("application/ld+json");
        JsonNode catalog = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));

        assertThat(catalog.get("@context").get("dcat").asString()).isEqualTo("http://www.w3.org/ns/dcat#");
        assertThat(catalog.get("@type").asString()).isEqualTo("dcat:Catalog");
        assertThat(catalog.get("dct:title").findValuesAsString("@language")).containsExactly("zh", "en");
        assertThat(catalog.get("dct:modified").get("@value").asString())
                .isEqualTo(queries.dataVersion().changedAt().toString());
        JsonNode datasets = catalog.get("dcat:dataset");
        List<String> ids = new java.util.ArrayList<>();
        datasets.forEach(dataset -> ids.add(dataset.get("@id").asString()));
        assertThat(ids).containsExactly("http://localhost/export/catalog.jsonld#partners",
                "http://localhost/export/catalog.jsonld#official-list", "http://localhost/export/catalog.jsonld#exchanges");
        assertThat(datasets.get(0).get("dct:temporal").get("dcat:startDate").get("@value").asString()).isEqualTo("1979");
        assertThat(datasets.get(0).get("dct:title").findValuesAsString("@value"))
                .contains("Guangzhou's international partner cities");
        List<String> formats = new java.util.ArrayList<>();
        for (JsonNode dataset : datasets) {
            for (JsonNode file : dataset.get("dcat:distribution")) {
                formats.add(file.get("dct:format").asString());
                String address = file.get("dcat:downloadURL").get("@id").asString();
                assertThat(address).startsWith("http://localhost/export/");
                MockHttpServletResponse download = fetch(address.substring("http://localhost".length()));
                String mediaType = file.get("dcat:mediaType").get("@id").asString()
                        .substring("https://www.iana.org/assignments/media-types/".length());
                assertThat(download.getContentType()).as(address).startsWith(mediaType);
                if (file.has("dct:conformsTo")) {
                    fetch(file.get("dct:conformsTo").get("@id").asString().substring("http://localhost".length()));
                }
            }
        }
        assertThat(formats).containsExactly("CSV", "XLSX", "JSON", "TXT", "CSV", "JSON");
    }

    /** Whether a cell is what its column description allows: empty only where its null is, else of its datatype. */
    private static boolean fits(String value, JsonNode column) {
        if (value.isEmpty()) {
            return column.has("null") && !column.get("required").asBoolean();
        }
        JsonNode datatype = column.get("datatype");
        String base = datatype.isString() ? datatype.asString() : datatype.get("base").asString();
        if (datatype.has("format") && !value.matches(datatype.get("format").asString())) {
            return false;
        }
        java.math.BigDecimal number = switch (base) {
            case "string" -> null;
            case "date" -> {
                LocalDate.parse(value);
                yield null;
            }
            case "integer" -> new java.math.BigDecimal(new java.math.BigInteger(value));
            case "decimal" -> new java.math.BigDecimal(value);
            default -> throw new AssertionError("a datatype the test does not know: " + base);
        };
        return number == null || (!datatype.has("minimum") || number.compareTo(datatype.get("minimum").decimalValue()) >= 0)
                && (!datatype.has("maximum") || number.compareTo(datatype.get("maximum").decimalValue()) <= 0);
    }

    private MockHttpServletResponse fetch(String url) throws Exception {
        MockHttpServletResponse response = http.perform(get(url)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response;
    }
}
