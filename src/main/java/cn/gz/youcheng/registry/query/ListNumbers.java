package cn.gz.youcheng.registry.query;

import cn.gz.youcheng.registry.PartnerList;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Today's 序 of the two lists, from how many active standings each list has per signing day
 * (V12__numbers_from_day_counts.sql, decision record 0015): a standing's number is the count of its list's
 * earlier days plus its position within its day. The database keeps the counts and positions; this adds
 * them up, once per registry version, shared by every visitor. Both lists together hold one entry per
 * signing day (tens of thousands at most), as plain arrays.
 */
final class ListNumbers {

    /** How many active standings a list has on a signing day. */
    record DayCount(int listRank, LocalDate signedOn, int active) {
    }

    /** Where a position of a list falls: a signing day, and the position within it (from 1). */
    record Place(LocalDate signedOn, int positionInDay) {
    }

    /** Per list rank (0: sister cities, 1: exchange cities): the signing days, ascending, as epoch days. */
    private final int[][] days;
    /** Per list rank: the active standings signed before each of its days. */
    private final int[][] before;
    private final int[] lengths;

    private ListNumbers(int[][] days, int[][] before, int[] lengths) {
        this.days = days;
        this.before = before;
        this.lengths = lengths;
    }

    /** From every day's count, in order of list rank and day. */
    static ListNumbers of(List<DayCount> counts) {
        int[][] days = new int[2][];
        int[][] before = new int[2][];
        int[] lengths = new int[2];
        for (int rank = 0; rank < 2; rank++) {
            int listRank = rank;
            List<DayCount> list = counts.stream().filter(count -> count.listRank() == listRank).toList();
            days[rank] = new int[list.size()];
            before[rank] = new int[list.size()];
            int total = 0;
            for (int i = 0; i < list.size(); i++) {
                days[rank][i] = Math.toIntExact(list.get(i).signedOn().toEpochDay());
                before[rank][i] = total;
                total += list.get(i).active();
            }
            lengths[rank] = total;
        }
        return new ListNumbers(days, before, lengths);
    }

    /** How many partners the list has today: its highest number. */
    int length(PartnerList list) {
        return lengths[rank(list)];
    }

    /** The 序 of an active standing signed on a day, at a position within that day. */
    int number(PartnerList list, LocalDate signedOn, int positionInDay) {
        int listRank = rank(list);
        int index = Arrays.binarySearch(days[listRank], Math.toIntExact(signedOn.toEpochDay()));
        // A day the counts do not have yet (a standing written after they were read) comes after the
        // earlier days all the same.
        int earlier = index >= 0 ? before[listRank][index]
                : -index - 1 < before[listRank].length ? before[listRank][-index - 1] : lengths[listRank];
        return earlier + positionInDay;
    }

    /** Where the list's standing number {@code seq} (from 1 to its length) is. */
    Place place(PartnerList list, int seq) {
        int rank = rank(list);
        if (seq < 1 || seq > lengths[rank]) {
            throw new IllegalArgumentException("no number " + seq + " in a list of " + lengths[rank]);
        }
        // The last day whose earlier days hold fewer than seq standings. Only days with standings are kept,
        // so the counts before them rise strictly and a search finds at most one.
        int index = Arrays.binarySearch(before[rank], seq - 1);
        if (index < 0) {
            index = -index - 2;
        }
        return new Place(LocalDate.ofEpochDay(days[rank][index]), seq - before[rank][index]);
    }

    /** The list's rank in the published order, as the schema's {@code list_rank}. */
    static int rank(PartnerList list) {
        return list == PartnerList.SISTER ? 0 : 1;
    }
}
