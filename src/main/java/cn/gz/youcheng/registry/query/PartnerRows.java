package cn.gz.youcheng.registry.query;

import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.PartnerList;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a few partners on a date, with their numbers, for a page of the directory and for a partner's
 * own page (decision record 0015). Today's come from the kept standings, numbered by the day counts
 * ({@link ListNumbers}). An earlier date's are those partners' periods that hold on it (V15); an active row's
 * 序 is then its place in its list in that date's official order (sister cities first, the exchange list from
 * its count of sister cities on), an ordering remembered like any other, so that one pass over it numbers the rows
 * instead of numbering every partner's standing.
 */
final class PartnerRows {

    private PartnerRows() {
    }

    /** The partners' rows on the date, in no particular order; a partner with no agreement by then has none. */
    static List<PartnerRow> of(DirectoryDatabase database, SharedReads shared, List<Long> partnerIds, LocalDate asOf) {
        if (asOf.equals(database.today())) {
            return database.run(DirectorySql.rowsOfToday(partnerIds)).query(DirectorySql.rows(shared.listNumbers())).list();
        }
        return numbered(shared, asOf, database.run(DirectorySql.rowsOfOnDate(partnerIds, asOf))
                .query(DirectorySql.rows(null))
                .list());
    }

    private static List<PartnerRow> numbered(SharedReads shared, LocalDate asOf, List<PartnerRow> rows) {
        long[] active = rows.stream().filter(row -> row.status() == AgreementStatus.ACTIVE)
                .mapToLong(PartnerRow::id).sorted().toArray();
        if (active.length == 0) {
            return rows;
        }
        long[] order = shared.orderedIds(DirectoryFilter.official(asOf), List.of());
        // Sister cities come first; how many, the date's month counts say.
        int sisterCities = shared.listNumbersOn(asOf).length(PartnerList.SISTER);
        Map<Long, Integer> numbers = new HashMap<>();
        for (int i = 0; i < order.length && numbers.size() < active.length; i++) {
            if (Arrays.binarySearch(active, order[i]) >= 0) {
                numbers.put(order[i], i < sisterCities ? i + 1 : i + 1 - sisterCities);
            }
        }
        return rows.stream()
                .map(row -> row.status() == AgreementStatus.ACTIVE ? row.withSeq(numbers.get(row.id())) : row)
                .toList();
    }
}
