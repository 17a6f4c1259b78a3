package cn.gz.youcheng.registry.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gz.youcheng.registry.PartnerList;
import cn.gz.youcheng.registry.query.ListNumbers.DayCount;
import cn.gz.youcheng.registry.query.ListNumbers.Place;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListNumbersTest {

    private static final LocalDate FIRST = LocalDate.of(1979, 5, 2);
    private static final LocalDate SECOND = LocalDate.of(1985, 1, 1);
    private static final LocalDate THIRD = LocalDate.of(2024, 10, 9);

    /** Sister cities: 2 on the first day, 1 on the third; exchange cities: 3 on the second day, 1 on the third. */
    private final ListNumbers numbers = ListNumbers.of(List.of(
            new DayCount(0, FIRST, 2), new DayCount(0, THIRD, 1),
            new DayCount(1, SECOND, 3), new DayCount(1, THIRD, 1)));

    @Test
    void aNumberIsTheCountOfEarlierDaysPlusThePositionInItsDay() {
        assertThat(numbers.number(PartnerList.SISTER, FIRST, 1)).isEqualTo(1);
        assertThat(numbers.number(PartnerList.SISTER, FIRST, 2)).isEqualTo(2);
        assertThat(numbers.number(PartnerList.SISTER, THIRD, 1)).isEqualTo(3);
        assertThat(numbers.number(PartnerList.EXCHANGE, SECOND, 3)).isEqualTo(3);
        assertThat(numbers.number(PartnerList.EXCHANGE, THIRD, 1)).isEqualTo(4);
        assertThat(numbers.length(PartnerList.SISTER)).isEqualTo(3);
        assertThat(numbers.length(PartnerList.EXCHANGE)).isEqualTo(4);
    }

    @Test
    void everyNumberOfAListHasThePlaceItIsCountedFrom() {
        for (PartnerList list : PartnerList.values()) {
            for (int seq = 1; seq <= numbers.length(list); seq++) {
                Place place = numbers.place(list, seq);
                assertThat(numbers.number(list, place.signedOn(), place.positionInDay())).as(list + " " + seq)
                        .isEqualTo(seq);
            }
        }
        assertThat(numbers.place(PartnerList.EXCHANGE, 4)).isEqualTo(new Place(THIRD, 1));
        assertThatThrownBy(() -> numbers.place(PartnerList.SISTER, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> numbers.place(PartnerList.SISTER, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bySigningDateEachDayKeepsItsSisterCitiesBeforeItsExchangeCitiesInEitherDirection() {
        List<NumberedOrders.Numbered> earliestFirst = java.util.stream.IntStream.range(0, 7)
                .mapToObj(position -> numbers.bySigningDate(position, false)).toList();
        assertThat(earliestFirst).containsExactly(sister(1), sister(2), exchange(1), exchange(2), exchange(3),
                sister(3), exchange(4));
        List<NumberedOrders.Numbered> latestFirst = java.util.stream.IntStream.range(0, 7)
                .mapToObj(position -> numbers.bySigningDate(position, true)).toList();
        assertThat(latestFirst).containsExactly(sister(3), exchange(4), exchange(1), exchange(2), exchange(3),
                sister(1), sister(2));
        assertThatThrownBy(() -> numbers.bySigningDate(7, false)).isInstanceOf(IllegalArgumentException.class);
    }

    private static NumberedOrders.Numbered sister(int number) {
        return new NumberedOrders.Numbered(PartnerList.SISTER, number);
    }

    private static NumberedOrders.Numbered exchange(int number) {
        return new NumberedOrders.Numbered(PartnerList.EXCHANGE, number);
    }

    @Test
    void aDayTheCountsDoNotHaveYetComesAfterTheEarlierDays() {
        assertThat(numbers.number(PartnerList.SISTER, SECOND, 1)).isEqualTo(3);
        assertThat(numbers.number(PartnerList.SISTER, THIRD.plusDays(1), 1)).isEqualTo(4);
        assertThat(numbers.number(PartnerList.EXCHANGE, FIRST, 1)).isEqualTo(1);
    }

    @Test
    void emptyListsHaveNoNumbers() {
        ListNumbers none = ListNumbers.of(List.of());
        assertThat(none.length(PartnerList.SISTER)).isZero();
        assertThat(none.number(PartnerList.EXCHANGE, FIRST, 1)).isEqualTo(1);
    }
}
