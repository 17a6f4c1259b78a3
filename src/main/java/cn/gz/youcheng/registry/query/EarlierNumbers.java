package cn.gz.youcheng.registry.query;

import cn.gz.youcheng.registry.AgreementStatus;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 序 on an earlier date for rows derived without it (V13, decision record 0015): an active row's number is its
 * place in its list in that date's official order (sister cities first), an ordering remembered like any
 * other, so that a few rows are numbered by one pass over it instead of deriving every partner's standing.
 */
final class EarlierNumbers {

    private EarlierNumbers() {
    }

    static List<PartnerRow> number(SharedReads shared, LocalDate asOf, List<PartnerRow> rows) {
        long[] active = rows.stream().filter(row -> row.status() == AgreementStatus.ACTIVE)
                .mapToLong(PartnerRow::id).sorted().toArray();
        if (active.length == 0) {
            return rows;
        }
        DirectoryFilter official = DirectoryFilter.official(asOf);
        long[] order = shared.orderedIds(official, List.of());
        int sisterCities = shared.totals(official).sisterCities();
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
