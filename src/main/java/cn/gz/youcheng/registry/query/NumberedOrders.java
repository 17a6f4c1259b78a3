package cn.gz.youcheng.registry.query;

import cn.gz.youcheng.registry.PartnerList;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The orders of today's official lists that their numbers alone decide: the official order itself, a sort by
 * list, by 序, by status or by signing date. Which row stands at a position follows from the two lists'
 * lengths, or for a sort by date from their day counts, so a page of any of these is a few ranges of numbers
 * in each list, read by those counts (decision record 0016), without ordering a single row.
 */
final class NumberedOrders {

    /** A row of the official lists by its list and 序. */
    record Numbered(PartnerList list, int number) {
    }

    private NumberedOrders() {
    }

    /**
     * Whether a sort of the official lists on any date is one of these orders: the lists' lengths decide it,
     * without the day counts that only today's lists have.
     */
    static boolean decidesOnAnyDate(DirectorySort sort) {
        return decides(sort) && sort.key() != DirectorySort.Key.SIGNED_ON;
    }

    /** Whether a sort of today's official lists is one of these orders. */
    static boolean decides(DirectorySort sort) {
        return switch (sort.key()) {
            case LIST, SEQ, STATUS, SIGNED_ON -> true;
            default -> false;
        };
    }

    /**
     * The rows at positions {@code from} (inclusive) to {@code to} (exclusive) of the official lists in a sort,
     * or in the official order without one. Ties go in the official order, as in every sort: the sister city
     * before the exchange city of the same 序.
     */
    static List<Numbered> between(@Nullable DirectorySort sort, ListNumbers numbers, int from, int to) {
        List<Numbered> rows = new ArrayList<>(Math.max(0, to - from));
        for (int position = from; position < to; position++) {
            rows.add(at(sort, numbers, position));
        }
        return rows;
    }

    private static Numbered at(@Nullable DirectorySort sort, ListNumbers numbers, int position) {
        int sisterCities = numbers.length(PartnerList.SISTER);
        int exchangeCities = numbers.length(PartnerList.EXCHANGE);
        if (sort == null || sort.key() == DirectorySort.Key.STATUS) {
            // Every row of the official lists is active: a sort by status is the official order.
            return listsInTurn(PartnerList.SISTER, sisterCities, PartnerList.EXCHANGE, position);
        }
        return switch (sort.key()) {
            case LIST -> sort.descending()
                    ? listsInTurn(PartnerList.EXCHANGE, exchangeCities, PartnerList.SISTER, position)
                    : listsInTurn(PartnerList.SISTER, sisterCities, PartnerList.EXCHANGE, position);
            case SEQ -> sort.descending()
                    ? bySeqDescending(sisterCities, exchangeCities, position)
                    : bySeqAscending(sisterCities, exchangeCities, position);
            case SIGNED_ON -> numbers.bySigningDate(position, sort.descending());
            default -> throw new IllegalArgumentException(sort + " is not decided by the numbers");
        };
    }

    /** One list whole, then the other. */
    private static Numbered listsInTurn(PartnerList first, int firstLength, PartnerList second, int position) {
        return position < firstLength ? new Numbered(first, position + 1) : new Numbered(second, position - firstLength + 1);
    }

    /** 1 of each list, 2 of each…, then the longer list's numbers beyond the shorter's length. */
    private static Numbered bySeqAscending(int sisterCities, int exchangeCities, int position) {
        int both = Math.min(sisterCities, exchangeCities);
        if (position < 2 * both) {
            return new Numbered(position % 2 == 0 ? PartnerList.SISTER : PartnerList.EXCHANGE, position / 2 + 1);
        }
        return new Numbered(longer(sisterCities, exchangeCities), both + position - 2 * both + 1);
    }

    /** The longer list's numbers beyond the shorter's length, highest first, then each number of both lists. */
    private static Numbered bySeqDescending(int sisterCities, int exchangeCities, int position) {
        int both = Math.min(sisterCities, exchangeCities);
        int longest = Math.max(sisterCities, exchangeCities);
        if (position < longest - both) {
            return new Numbered(longer(sisterCities, exchangeCities), longest - position);
        }
        int paired = position - (longest - both);
        return new Numbered(paired % 2 == 0 ? PartnerList.SISTER : PartnerList.EXCHANGE, both - paired / 2);
    }

    private static PartnerList longer(int sisterCities, int exchangeCities) {
        return sisterCities > exchangeCities ? PartnerList.SISTER : PartnerList.EXCHANGE;
    }
}
