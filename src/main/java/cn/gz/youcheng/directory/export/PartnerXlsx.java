package cn.gz.youcheng.directory.export;

import cn.gz.youcheng.base.Text;
import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.registry.query.PartnerRow;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * Partners as an Excel workbook (Office Open XML) for Excel and WPS: the CSV's columns and rows, a frozen
 * header row, dates as date cells, numbers as numbers, columns wide enough for Chinese names. Written with
 * fastexcel row by row and flushed every {@value #FLUSH_EVERY} rows, so that a million rows keep the heap
 * flat; strings are written inline, since a shared-strings table would hold every distinct name until the
 * end. A cell is never a formula, so no text needs the CSV's guard against formula injection.
 */
final class PartnerXlsx implements AutoCloseable {

    private static final int FLUSH_EVERY = 1_000;
    /** Rows of a worksheet after its header (Excel's limit is 1,048,576 rows); more go on to another sheet. */
    static final int ROWS_PER_SHEET = 1_048_575;
    /** Widths in characters, in the CSV's column order; a Chinese character takes two. */
    private static final List<Double> WIDTHS = List.of(9.0, 10.0, 7.0, 18.0, 28.0, 14.0, 24.0, 8.0, 15.0, 14.0,
            12.0, 12.0, 11.0, 11.0, 12.0, 13.0);
    private static final String DATE = "yyyy-mm-dd";

    private final Workbook workbook;
    private Worksheet sheet;
    private int sheets;
    private int row;

    PartnerXlsx(OutputStream out) {
        workbook = new Workbook(out, "Youcheng", "1.0");
        sheet = newSheet();
    }

    void print(PartnerRow partner) {
        try {
            if (row > ROWS_PER_SHEET) {
                sheet.finish();
                sheet = newSheet();
            }
            int column = 0;
            number(column++, partner.id());
            text(column++, DirectoryParameters.name(partner.list()));
            number(column++, partner.seq());
            text(column++, Text.oneLine(partner.nameZh()));
            text(column++, Text.oneLine(partner.nameEn()));
            text(column++, Text.oneLine(partner.countryZh()));
            text(column++, Text.oneLine(partner.countryEn()));
            text(column++, partner.countryIso2());
            text(column++, DirectoryParameters.name(partner.continent()));
            text(column++, DirectoryParameters.name(partner.adminLevel()));
            sheet.value(row, column, partner.signedOn());
            sheet.style(row, column++).format(DATE).set();
            text(column++, DirectoryParameters.name(partner.status()));
            number(column++, partner.latitude());
            number(column++, partner.longitude());
            number(column++, partner.geonamesId());
            text(column, partner.wikidataQid());
            if (++row % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Worksheet newSheet() {
        sheets++;
        Worksheet next = workbook.newWorksheet(sheets == 1 ? "partners" : "partners " + sheets);
        for (int column = 0; column < PartnerCsv.HEADER.length; column++) {
            next.inlineString(0, column, PartnerCsv.HEADER[column]);
            next.style(0, column).bold().set();
            next.width(column, WIDTHS.get(column));
        }
        next.freezePane(0, 1);
        row = 1;
        return next;
    }

    private void text(int column, @Nullable String value) {
        if (value != null) {
            sheet.inlineString(row, column, value);
        }
    }

    private void number(int column, @Nullable Number value) {
        if (value != null) {
            sheet.value(row, column, value);
        }
    }

    @Override
    public void close() {
        try {
            sheet.finish();
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
