package cn.gz.youcheng.registry.importing;

import cn.gz.youcheng.base.Text;
import cn.gz.youcheng.registry.PartnerList;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes the official list in the published text format. The closing total is counted from the rows, so it
 * can never go stale the way the printed totals have.
 */
public final class OfficialListWriter {

    private OfficialListWriter() {
    }

    public static String write(OfficialList list) {
        StringBuilder text = new StringBuilder();
        write(list, text);
        return text.toString();
    }

    public static void write(OfficialList list, Appendable out) {
        try {
            table(PartnerList.SISTER, list, out);
            out.append(OfficialFormat.SEPARATOR).append('\n');
            out.append('\n');
            table(PartnerList.EXCHANGE, list, out);
            out.append('\n');
            out.append(OfficialFormat.NOTE).append('\n');
            out.append('\n');
            out.append(OfficialFormat.TOTAL_TEMPLATE.formatted(list.countryCount(), list.cityCount())).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String field(String value) {
        return Text.oneLine(value);
    }

    private static void table(PartnerList which, OfficialList list, Appendable out) throws IOException {
        out.append(OfficialFormat.heading(which)).append('\n');
        out.append('\n');
        out.append(OfficialFormat.SUBTITLE).append('\n');
        out.append('\n');
        out.append(OfficialFormat.HEADER).append('\n');
        for (OfficialEntry entry : list.entries(which)) {
            // One line per partner, tab-separated: no name may bring a line break or a tab into it.
            out.append(OfficialFormat.sequence(entry.seq())).append('\t')
                    .append(field(entry.nameZh())).append('\t')
                    .append(field(entry.countryZh())).append('\t')
                    .append(OfficialFormat.DATE.format(entry.signedOn())).append('\n');
        }
    }
}
