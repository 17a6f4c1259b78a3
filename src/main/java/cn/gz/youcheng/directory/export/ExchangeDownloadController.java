package cn.gz.youcheng.directory.export;

import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.query.PublicExchanges;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code /export/exchanges.csv} and {@code /export/exchanges.json}: every published exchange, with the
 * partner downloads' conventions (byte order mark unless {@code bom=false}, CRLF, RFC 4180, formula-safe,
 * ETag). An exchange kept in the office is never in them.
 */
@RestController
class ExchangeDownloadController {

    private final DirectoryQueries queries;
    private final PublicExchanges exchanges;
    private final ObjectMapper json;
    private final Clock clock;

    ExchangeDownloadController(DirectoryQueries queries, PublicExchanges exchanges, ObjectMapper json, Clock clock) {
        this.queries = queries;
        this.exchanges = exchanges;
        this.json = json;
        this.clock = clock;
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Every published exchange as CSV, with its partner's id and names",
            tags = "downloads")
    @GetMapping("/export/exchanges.csv")
    void csv(@RequestParam(defaultValue = "true") boolean bom, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        DownloadRequest download = DownloadRequest.of(request, queries, "exchanges-csv" + bom);
        if (download.notModified(request, response)) {
            return;
        }
        download.writeHeaders(response, "text/csv", "guangzhou-partner-exchanges-" + queries.today() + ".csv");
        response.setBufferSize(1 << 16);
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
        if (bom) {
            out.write('\uFEFF');
        }
        try (ExchangeCsv csv = new ExchangeCsv(out)) {
            exchanges.forEach(csv::print);
        }
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Every published exchange as JSON, with its partner's id and names",
            tags = "downloads")
    @GetMapping("/export/exchanges.json")
    void json(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DownloadRequest download = DownloadRequest.of(request, queries, "exchanges-json");
        if (download.notModified(request, response)) {
            return;
        }
        download.writeHeaders(response, "application/json", "guangzhou-partner-exchanges-" + queries.today() + ".json");
        String pages = ServletUriComponentsBuilder.fromCurrentContextPath().path("/partners/").toUriString();
        try (JsonGenerator out = json.createGenerator(response.getOutputStream())) {
            out.writeStartObject();
            out.writeName("metadata");
            out.writeStartObject();
            out.writeStringProperty("title", "广州市国际友好城市交流活动 / Exchanges with Guangzhou's international partner cities");
            out.writeStringProperty("generatedAt", clock.instant().toString());
            out.writeStringProperty("dataChangedAt", download.version().changedAt().toString());
            out.writeEndObject();
            out.writeName("exchanges");
            out.writeStartArray();
            exchanges.forEach(exchange -> {
                out.writeStartObject();
                out.writeNumberProperty("id", exchange.id());
                out.writeNumberProperty("partnerId", exchange.partnerId());
                out.writeStringProperty("partnerUrl", pages + exchange.partnerId());
                out.writeStringProperty("partnerNameZh", exchange.partnerZh());
                out.writeStringProperty("partnerNameEn", exchange.partnerEn());
                out.writeStringProperty("countryIso2", exchange.countryIso2());
                out.writeStringProperty("startsOn", exchange.startsOn().toString());
                out.writeStringProperty("endsOn", exchange.endsOn() == null ? null : exchange.endsOn().toString());
                out.writeStringProperty("kind", DirectoryParameters.name(exchange.kind()));
                out.writePOJOProperty("themes", exchange.themes().stream().sorted().map(DirectoryParameters::name).toList());
                out.writeStringProperty("titleZh", exchange.titleZh());
                out.writeStringProperty("titleEn", exchange.titleEn());
                out.writeStringProperty("summaryZh", exchange.summaryZh());
                out.writeStringProperty("summaryEn", exchange.summaryEn());
                out.writeStringProperty("guangzhouUnit", exchange.guangzhouUnit());
                out.writeStringProperty("partnerUnit", exchange.partnerUnit());
                out.writePOJOProperty("participants", exchange.participants());
                out.writeStringProperty("sourceUrl", exchange.sourceUrl());
                out.writeEndObject();
            });
            out.writeEndArray();
            out.writeEndObject();
        }
    }
}
