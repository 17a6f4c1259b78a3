package cn.gz.youcheng.directory.export;

import cn.gz.youcheng.base.Guangzhou;
import cn.gz.youcheng.registry.query.TwinningQueries.Twinning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/**
 * Twinnings as QuickStatements commands (the tab-separated form Wikidata's batch editor takes): "twinned
 * administrative body" (P190) from Guangzhou to the partner and back, as Wikidata expects of a symmetric
 * property, with the start time (P580) and, for an ended agreement, the end time (P582), each to the day,
 * and the partner's page here as the reference URL (S854).
 */
final class WikidataStatements {

    private final Appendable out;
    private final String partnerPages;

    /** @param partnerPages the address of partner pages without the id, ending in {@code /partners/} */
    WikidataStatements(Appendable out, String partnerPages) {
        this.out = out;
        this.partnerPages = partnerPages;
    }

    void write(Twinning twinning) {
        String qualifiers = "\tP580\t" + day(twinning.startedOn())
                + (twinning.endedOn() == null ? "" : "\tP582\t" + day(twinning.endedOn()))
                + "\tS854\t\"" + partnerPages + twinning.partnerId() + "\"";
        try {
            out.append(Guangzhou.WIKIDATA_ITEM).append("\tP190\t").append(twinning.wikidataQid()).append(qualifiers).append('\n');
            out.append(twinning.wikidataQid()).append("\tP190\t").append(Guangzhou.WIKIDATA_ITEM).append(qualifiers).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Gregorian date at day precision (11), as QuickStatements writes a time. */
    static String day(LocalDate date) {
        return "+" + date + "T00:00:00Z/11";
    }
}
