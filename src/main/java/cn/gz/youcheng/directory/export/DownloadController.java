package cn.gz.youcheng.directory.export;

import cn.gz.youcheng.directory.DirectoryFilterParameters;
import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.registry.importing.OfficialListExport;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.query.ListTotals;
import cn.gz.youcheng.registry.query.PartnerRow;
import cn.gz.youcheng.registry.query.TwinningQueries;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * The public downloads: plain HTTP, no Vaadin session, the directory's filters in the query string, written
 * row by row as the database sends them.
 */
@RestController
@EnableConfigurationProperties(OpenDataProperties.class)
class DownloadController {

    static final String COORDINATES_CREDIT = "Coordinates: GeoNames (https://www.geonames.org/), CC BY 4.0";

    private final DirectoryQueries queries;
    private final OfficialListExport officialList;
    private final ObjectMapper json;
    private final Clock clock;
    private final OpenDataProperties openData;
    private final OpenDataCatalog catalog;
    private final TwinningQueries twinnings;

    DownloadController(DirectoryQueries queries, OfficialListExport officialList, ObjectMapper json, Clock clock,
            OpenDataProperties openData, OpenDataCatalog catalog, TwinningQueries twinnings) {
        this.twinnings = twinnings;
        this.clock = clock;
        this.openData = openData;
        this.catalog = catalog;
        this.queries = queries;
        this.officialList = officialList;
        this.json = json;
    }

    /** UTF-8 with a byte order mark by default, so that Excel shows the Chinese names; {@code bom=false} without. */
    @io.swagger.v3.oas.annotations.Operation(summary = "The selection as CSV (RFC 4180, UTF-8, formula-safe), described by partners.csv-metadata.json", tags = "downloads")
    @DirectoryFilterParameters
    @GetMapping("/export/partners.csv")
    void csv(@RequestParam(defaultValue = "true") boolean bom, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        DownloadRequest download = DownloadRequest.of(request, queries, "csv" + bom);
        if (download.notModified(request, response)) {
            return;
        }
        download.writeHeaders(response, "text/csv", download.fileName("guangzhou-partners", "csv"));
        // Where its description is (CSV on the Web), for the same selection.
        response.setHeader(HttpHeaders.LINK, "<partners.csv-metadata.json" + suffix(download)
                + ">; rel=\"describedby\"; type=\"application/csvm+json\"");
        Writer out = writer(response);
        if (bom) {
            // Before the printer: it writes the header row as soon as it is created.
            out.write('\uFEFF');
        }
        try (PartnerCsv csv = new PartnerCsv(out)) {
            // The header row goes out at once: the browser shows the download started while the database
            // reads and sorts a large result.
            out.flush();
            response.flushBuffer();
            try (RowPipe<PartnerRow> rows = new RowPipe<>("csv-download", csv::print)) {
                queries.forEach(download.filter(), rows);
            }
        }
    }

    /** The CSV's rows as an Excel workbook, for Excel and WPS: the same filters, written as the database sends them. */
    @io.swagger.v3.oas.annotations.Operation(summary = "The selection as an Excel workbook: frozen header, dates as dates", tags = "downloads")
    @DirectoryFilterParameters
    @GetMapping("/export/partners.xlsx")
    void xlsx(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DownloadRequest download = DownloadRequest.of(request, queries, "xlsx");
        if (download.notModified(request, response)) {
            return;
        }
        download.writeHeaders(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                download.fileName("guangzhou-partners", "xlsx"));
        response.setBufferSize(1 << 16);
        try (PartnerXlsx xlsx = new PartnerXlsx(response.getOutputStream());
                RowPipe<PartnerRow> rows = new RowPipe<>("xlsx-download", xlsx::print)) {
            queries.forEach(download.filter(), rows);
        }
    }

    /** The datasets and their files, as a DCAT catalogue in JSON-LD, for open-data portals to harvest. */
    @io.swagger.v3.oas.annotations.Operation(summary = "The datasets and their files as a DCAT catalogue (JSON-LD)", tags = "downloads")
    @GetMapping("/export/catalog.jsonld")
    void catalog(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DownloadRequest download = DownloadRequest.of(request, queries, "catalog");
        if (download.notModified(request, response)) {
            return;
        }
        download.writeHeaders(response, "application/ld+json", null);
        json.writeValue(response.getOutputStream(),
                catalog.dcat(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()));
    }

    /** The CSV's columns, datatypes, titles in both languages and terms, as CSV on the Web metadata. */
    @io.swagger.v3.oas.annotations.Operation(summary = "The CSV's W3C CSV on the Web description", tags = "downloads")
    @DirectoryFilterParameters
    @GetMapping("/export/partners.csv-metadata.json")
    void csvMetadata(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DownloadRequest download = DownloadRequest.of(request, queries, "csvm");
        if (download.notModified(request, response)) {
            return;
        }
        download.writeHeaders(response, "application/csvm+json", null);
        json.writeValue(response.getOutputStream(), CsvMetadata.of("partners.csv" + suffix(download),
                download.version().changedAt(), openData));
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "The selection as JSON with metadata", tags = "downloads")
    @DirectoryFilterParameters
    @GetMapping("/export/partners.json")
    void json(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DownloadRequest download = DownloadRequest.of(request, queries, "json");
        if (download.notModified(request, response)) {
            return;
        }
        download.writeHeaders(response, "application/json", download.fileName("guangzhou-partners", "json"));
        DirectoryFilter filter = download.filter();
        ListTotals totals = queries.totals(filter);
        ListTotals official = queries.totals(DirectoryFilter.official(filter.asOf()));
        try (JsonGenerator out = json.createGenerator(response.getOutputStream())) {
            out.writeStartObject();
            out.writeName("metadata");
            out.writeStartObject();
            out.writeStringProperty("title", "广州市国际友好城市 / Guangzhou international partner cities");
            out.writeStringProperty("generatedAt", clock.instant().toString());
            out.writeStringProperty("asOf", filter.asOf().toString());
            out.writeStringProperty("dataChangedAt", download.version().changedAt().toString());
            out.writePOJOProperty("filters", DirectoryParameters.format(filter, queries.today()));
            out.writePOJOProperty("ignoredParameters",
                    download.parsed().ignored().stream().map(Object::toString).toList());
            out.writePOJOProperty("totals", Map.of("cities", totals.cities(), "countries", totals.countries(),
                    "sisterCities", totals.sisterCities(), "exchangeCities", totals.exchangeCities()));
            out.writeStringProperty("officialSentence",
                    "广州与 " + official.countries() + " 个国家的 " + official.cities() + " 个城市建立了友好关系");
            out.writeStringProperty("coordinatesCredit", COORDINATES_CREDIT);
            out.writeEndObject();
            out.writeName("partners");
            out.writeStartArray();
            try (RowPipe<PartnerRow> rows = new RowPipe<>("json-download", row -> {
                out.writeStartObject();
                out.writeNumberProperty("id", row.id());
                out.writeStringProperty("list", DirectoryParameters.name(row.list()));
                if (row.seq() == null) {
                    out.writeNullProperty("seq");
                } else {
                    out.writeNumberProperty("seq", row.seq());
                }
                out.writeStringProperty("nameZh", row.nameZh());
                out.writeStringProperty("nameEn", row.nameEn());
                out.writeStringProperty("countryIso2", row.countryIso2());
                out.writeStringProperty("countryZh", row.countryZh());
                out.writeStringProperty("countryEn", row.countryEn());
                out.writeStringProperty("continent", DirectoryParameters.name(row.continent()));
                out.writeStringProperty("adminLevel", DirectoryParameters.name(row.adminLevel()));
                out.writeStringProperty("signedOn", row.signedOn().toString());
                out.writeStringProperty("status", DirectoryParameters.name(row.status()));
                out.writePOJOProperty("lat", row.latitude());
                out.writePOJOProperty("lon", row.longitude());
                out.writePOJOProperty("geonamesId", row.geonamesId());
                out.writeStringProperty("wikidataQid", row.wikidataQid());
                out.writeEndObject();
            })) {
                queries.forEach(filter, rows);
            }
            out.writeEndArray();
            out.writeEndObject();
        }
    }

    /**
     * The twinnings of the partners that have a Wikidata item, as QuickStatements commands that an editor of
     * Wikidata pastes into its batch tool. Only partners' items and dates: it takes no filter.
     */
    @io.swagger.v3.oas.annotations.Operation(summary = "QuickStatements for Wikidata: the twinnings (P190) of partners with a Wikidata item", tags = "downloads")
    @GetMapping("/export/wikidata.tsv")
    void wikidata(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DownloadRequest download = DownloadRequest.of(request, queries, "wikidata");
        if (download.notModified(request, response)) {
            return;
        }
        download.writeHeaders(response, "text/tab-separated-values",
                download.fileName("guangzhou-twinnings-quickstatements", "tsv"));
        try (Writer out = writer(response)) {
            WikidataStatements statements = new WikidataStatements(out,
                    ServletUriComponentsBuilder.fromCurrentContextPath().path("/partners/").toUriString());
            twinnings.forEach(statements::write);
        }
    }

    /** The official list in the office's published text format, its total counted from the rows. */
    @io.swagger.v3.oas.annotations.Operation(summary = "The official list in the office's published text format", tags = "downloads")
    @DirectoryFilterParameters
    @GetMapping("/export/official.txt")
    void officialText(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DownloadRequest download = DownloadRequest.of(request, queries, "official");
        if (download.notModified(request, response)) {
            return;
        }
        download.writeHeaders(response, "text/plain", download.fileName("guangzhou-friendship-cities", "txt"));
        try (Writer out = writer(response)) {
            officialList.write(download.filter(), out);
        }
    }

    /** The selection's filters as a query, as the directory writes them: the same for the CSV and its description. */
    private String suffix(DownloadRequest download) {
        return DirectoryParameters.querySuffix(download.filter(), queries.today());
    }

    private static Writer writer(HttpServletResponse response) throws IOException {
        // Large buffers: a million rows are a hundred megabytes, written in fewer, larger pieces.
        response.setBufferSize(1 << 16);
        return new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
    }
}
