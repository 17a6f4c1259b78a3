package cn.gz.youcheng.directory.export;

import cn.gz.youcheng.base.Text;
import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.registry.query.PartnerRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Partners as CSV: RFC 4180 (CRLF, quotes where needed), a header row, names in both languages. Text that
 * a spreadsheet would run as a formula is made inert with a leading apostrophe.
 */
final class PartnerCsv implements AutoCloseable {

    static final String[] HEADER = {"list", "seq", "name_zh", "name_en", "country_zh", "country_en", "country_iso2",
            "continent", "admin_level", "signed_on", "status", "lat", "lon"};

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
                    row.longitude());
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

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
