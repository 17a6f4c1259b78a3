package cn.gz.youcheng.directory.export;

import cn.gz.youcheng.base.Text;
import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.registry.query.PublicExchanges.PublicExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * Published exchanges as CSV, with the partners download's conventions (RFC 4180, CRLF, formula-safe text,
 * one line per record: a summary's paragraphs are joined on its line) and the partner's id and names on
 * every row, so that a row stands on its own.
 */
final class ExchangeCsv implements AutoCloseable {

    static final List<String> HEADER = List.of("exchange_id", "partner_id", "partner_name_zh", "partner_name_en",
            "country_iso2", "starts_on", "ends_on", "kind", "themes", "title_zh", "title_en", "summary_zh", "summary_en",
            "guangzhou_unit", "partner_unit", "participants", "source_url");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();

    private final CSVPrinter printer;

    ExchangeCsv(Appendable out) {
        try {
            this.printer = new CSVPrinter(out, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void print(PublicExchange exchange) {
        try {
            printer.printRecord(exchange.id(), exchange.partnerId(), text(exchange.partnerZh()), text(exchange.partnerEn()),
                    exchange.countryIso2(), exchange.startsOn(), exchange.endsOn(), DirectoryParameters.name(exchange.kind()),
                    themes(exchange), text(exchange.titleZh()), text(exchange.titleEn()), text(exchange.summaryZh()),
                    text(exchange.summaryEn()), text(exchange.guangzhouUnit()), text(exchange.partnerUnit()),
                    exchange.participants(), text(exchange.sourceUrl()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The themes' names (as in URLs) separated by spaces: {@code culture education}. */
    static String themes(PublicExchange exchange) {
        return exchange.themes().stream().sorted().map(DirectoryParameters::name).collect(Collectors.joining(" "));
    }

    private static @Nullable String text(@Nullable String value) {
        return value == null ? null : PartnerCsv.text(value);
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
