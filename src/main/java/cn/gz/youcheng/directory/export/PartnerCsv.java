package cn.gz.youcheng.directory.export;

import cn.gz.youcheng.base.Text;
import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.registry.query.PartnerRow;
import cn.gz.youcheng.registry.AdminLevel;
import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.Continent;
import cn.gz.youcheng.registry.Partner;
import cn.gz.youcheng.registry.PartnerList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * Partners as CSV: RFC 4180 (CRLF, quotes where needed), a header row, names in both languages. Text that
 * a spreadsheet would run as a formula is made inert with a leading apostrophe.
 */
final class PartnerCsv implements AutoCloseable {

    /**
     * A column of the file: its name in the header row, its CSV on the Web datatype (a name, or a derived
     * datatype with its base and constraints), whether a row may leave it empty, and, for an identifier of
     * something outside the registry, the address its value stands for (a URI template).
     */
    record Column(String name, Object datatype, boolean optional, @Nullable String valueUrl) {

        Column(String name, Object datatype, boolean optional) {
            this(name, datatype, optional, null);
        }
    }

    /** The file's columns in order: the header row, and what the metadata (CsvMetadata) says of each. */
    static final List<Column> COLUMNS = List.of(
            // The partner's public id for life, the number of its page /partners/{id}.
            new Column("id", Map.of("base", "integer", "minimum", 1), false),
            new Column("list", oneOf(PartnerList.values()), false),
            // Empty for a partner on no list on the date (a selection of suspended or ended agreements).
            new Column("seq", Map.of("base", "integer", "minimum", 1), true),
            new Column("name_zh", "string", false),
            new Column("name_en", "string", false),
            new Column("country_zh", "string", false),
            new Column("country_en", "string", false),
            new Column("country_iso2", Map.of("base", "string", "format", "[A-Z]{2}"), false),
            new Column("continent", oneOf(Continent.values()), false),
            new Column("admin_level", oneOf(AdminLevel.values()), false),
            new Column("signed_on", "date", false),
            new Column("status", oneOf(AgreementStatus.values()), false),
            new Column("lat", Map.of("base", "decimal", "minimum", -90, "maximum", 90), true),
            new Column("lon", Map.of("base", "decimal", "minimum", -180, "maximum", 180), true),
            new Column("geonames_id", Map.of("base", "integer", "minimum", 1), true, "https://www.geonames.org/{geonames_id}"),
            new Column("wikidata_qid", Map.of("base", "string", "format", Partner.WIKIDATA_ITEM), true,
                    "http://www.wikidata.org/entity/{wikidata_qid}"));

    static final String[] HEADER = COLUMNS.stream().map(Column::name).toArray(String[]::new);

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();

    private final CSVPrinter printer;

    PartnerCsv(Appendable out) {
        try {
            this.printer = new CSVPrinter(out, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void print(PartnerRow row) {
        try {
            printer.printRecord(
                    row.id(),
                    DirectoryParameters.name(row.list()),
                    row.seq(),
                    text(row.nameZh()),
                    text(row.nameEn()),
                    text(row.countryZh()),
                    text(row.countryEn()),
                    row.countryIso2(),
                    DirectoryParameters.name(row.continent()),
                    DirectoryParameters.name(row.adminLevel()),
                    row.signedOn(),
                    DirectoryParameters.name(row.status()),
                    row.latitude(),
                    row.longitude(),
                    row.geonamesId(),
                    row.wikidataQid());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Free text on one line (the database allows no line break in these, but a record must hold even if one
     * got there), with formula injection neutralised (numbers such as a negative longitude are left alone).
     */
    static String text(String raw) {
        String value = Text.oneLine(raw);
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }

    /** A string that is one of these values' names, as the file writes them. */
    private static Map<String, String> oneOf(Enum<?>[] values) {
        return Map.of("base", "string", "format", Arrays.stream(values).map(DirectoryParameters::name)
                .collect(Collectors.joining("|")));
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
