package cn.gz.youcheng.registry.query;

import cn.gz.youcheng.registry.PartnerList;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Today's 序 of the two lists, from how many active standings each list has per signing day
 * (V12__numbers_from_day_counts.sql, decision record 0015): a standing's number is the count of its list's
 * earlier days plus its position within its day. The database keeps the counts and positions; this adds
 * them up, once per registry version, shared by every visitor. Both lists together hold one entry per
 * signing day (tens of thousands at most), as plain arrays.
 *
 * <p>An earlier date's numbers come the same way from counts per signing month (V16, decision record 0018):
 * they place a number in its month, and the month's standings of that date before it are passed in the
 * index. Only the lengths and {@link #place} answer for those.
 */
final class ListNumbers {

    /** How many active standings a list has on a signing day (or in a month, from its first day). */
    record DayCount(int listRank, LocalDate signedOn, int active) {
    }

    /**
     * Where a position of a list falls: a signing day, and the position within it (from 1); in counts per
     * month, the month's first day and the position within the month.
     */
    record Place(LocalDate signedOn, int positionInDay) {
    }

    /** Whether the counts are per signing day, as today's; otherwise per month. */
    private final boolean perDay;

    /** Per list rank (0: sister cities, 1: exchange cities): the signing days, ascending, as epoch days. */
    private final int[][] days;
    /** Per list rank: the active standings signed before each of its days. */
    private final int[][] before;
    private final int[] lengths;
    /** The signing days of both lists together, ascending, as epoch days. */
    private final int[] bothDays;
    /** Per day of {@link #bothDays}: the active standings of both lists signed before it. */
    private final int[] bothBefore;
    /** Per day of {@link #bothDays}: its active sister cities (its exchange cities follow them). */
    private final int[] sisterCitiesOn;

    private ListNumbers(boolean perDay, int[][] days, int[][] before, int[] lengths) {
        this.perDay = perDay;
        this.days = days;
        this.before = before;
        this.lengths = lengths;
        int[] merged = IntStream.concat(Arrays.stream(days[0]), Arrays.stream(days[1]))
                .distinct().sorted().toArray();
        this.bothDays = merged;
        this.bothBefore = new int[merged.length];
        this.sisterCitiesOn = new int[merged.length];
        int total = 0;
        for (int i = 0; i < merged.length; i++) {
            bothBefore[i] = total;
            sisterCitiesOn[i] = activeOn(0, merged[i]);
            total += sisterCitiesOn[i] + activeOn(1, merged[i]);
        }
    }

    /** How many active standings the list of this rank has on an epoch day. */
    private int activeOn(int rank, int epochDay) {
        int index = Arrays.binarySearch(days[rank], epochDay);
        if (index < 0) {
            return 0;
        }
        return (index + 1 < before[rank].length ? before[rank][index + 1] : lengths[rank]) - before[rank][index];
    }

    /** From every day's count, in order of list rank and day. */
    static ListNumbers of(List<DayCount> counts) {
        return of(true, counts);
    }

    /** From every month's count on an earlier date, in order of list rank and month. */
    static ListNumbers ofMonths(List<DayCount> counts) {
        return of(false, counts);
    }

    private static ListNumbers of(boolean perDay, List<DayCount> counts) {
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
        return new ListNumbers(perDay, days, before, lengths);
    }

    /** How many days (or months) the counts hold, in both lists: what they weigh. */
    int entries() {
        return days[0].length + days[1].length;
    }

    /** How many partners the list has today: its highest number. */
    int length(PartnerList list) {
        return lengths[rank(list)];
    }

    /** The 序 of an active standing signed on a day, at a position within that day. */
    int number(PartnerList list, LocalDate signedOn, int positionInDay) {
        requirePerDay();
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

    /**
     * The row at a position (from 0) of both lists sorted by signing date, as its list and 序: day by day,
     * earliest first or latest first, and within a day the official order, its sister cities before its
     * exchange cities, each by number.
     */
    NumberedOrders.Numbered bySigningDate(int position, boolean latestFirst) {
        requirePerDay();
        int total = lengths[0] + lengths[1];
        if (position < 0 || position >= total) {
            throw new IllegalArgumentException("no position " + position + " in lists of " + total);
        }
        // A day's rows are together in either direction: the day of a position from the end is the day of
        // the same position from the start, mirrored.
        int index = Arrays.binarySearch(bothBefore, latestFirst ? total - 1 - position : position);
        if (index < 0) {
            index = -index - 2;
        }
        // Days with no standing are not kept, so the counts before them rise strictly, as in place().
        int dayRows = (index + 1 < bothBefore.length ? bothBefore[index + 1] : total) - bothBefore[index];
        int rowsBeforeInOrder = latestFirst ? total - bothBefore[index] - dayRows : bothBefore[index];
        int withinDay = position - rowsBeforeInOrder;
        LocalDate day = LocalDate.ofEpochDay(bothDays[index]);
        return withinDay < sisterCitiesOn[index]
                ? new NumberedOrders.Numbered(PartnerList.SISTER, number(PartnerList.SISTER, day, withinDay + 1))
                : new NumberedOrders.Numbered(PartnerList.EXCHANGE,
                        number(PartnerList.EXCHANGE, day, withinDay - sisterCitiesOn[index] + 1));
    }

    private void requirePerDay() {
        if (!perDay) {
            throw new IllegalStateException("counts per month place a number in its month, not in its day");
        }
    }

    /** The list's rank in the published order, as the schema's {@code list_rank}. */
    static int rank(PartnerList list) {
        return list == PartnerList.SISTER ? 0 : 1;
    }
}
