package cn.gz.youcheng.registry.query;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.RecordingDataSource;
import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.Continent;
import cn.gz.youcheng.registry.PartnerList;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Today's official lists sorted by one column are paged without ordering every row (decision record 0016):
 * by the numbers for list, 序 and status, along a kept index for the other columns. Each must page exactly as
 * the whole ordering of the same sort does, ties in the official order, and the kept sort keys must follow
 * every edit of what they copy.
 */
@IntegrationTest
class SortedOfficialListsTest {

    @Autowired
    DirectoryQueries queries;
    @Autowired
    DataSource dataSource;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void everySortOfTheOfficialListsPagesAsItsWholeOrderingDoes() {
        DirectoryFilter official = DirectoryFilter.official(queries.today());
        int count = queries.count(official);
        Map<Long, PartnerRow> officialRows = queries.page(official, List.of(), 0, count).stream()
                .collect(Collectors.toMap(PartnerRow::id, Function.identity()));
        assertThat(officialRows).hasSize(count);
        // The ordering of every row as another date's view reads it whole: tomorrow's lists are today's
        // (nothing is dated in the future), derived from the history and sorted by the partners' and
        // countries' own columns, not by the copies kept beside today's standings.
        DatabaseReads whole = new DatabaseReads(new DirectoryDatabase(dataSource, clock));
        DirectoryFilter tomorrow = DirectoryFilter.official(queries.today().plusDays(1));
        for (DirectorySort.Key key : DirectorySort.Key.values()) {
            for (boolean descending : List.of(false, true)) {
                List<DirectorySort> sort = List.of(new DirectorySort(key, descending));
                List<Long> expected = Arrays.stream(whole.orderedIds(tomorrow, sort)).boxed().toList();
                assertThat(expected).hasSize(count);
                for (int size : List.of(7, 50, count)) {
                    List<PartnerRow> paged = new ArrayList<>();
                    for (int offset = 0; offset < count; offset += size) {
                        paged.addAll(queries.page(official, sort, offset, size));
                    }
                    assertThat(paged).as(sort + " in pages of " + size).extracting(PartnerRow::id)
                            .containsExactlyElementsOf(expected);
                    // Each row as the official order shows it, 序 included.
                    assertThat(paged).as(sort + " rows").allSatisfy(row -> assertThat(row).isEqualTo(officialRows.get(row.id())));
                }
                assertThat(queries.page(official, sort, count, 10)).as(sort + " past the end").isEmpty();
                assertThat(queries.page(official, sort, count - 3, 10)).as(sort + " at the end").hasSize(3);
            }
        }
    }

    @Test
    void todaysFilteredOrderingsFromTheKeptStandingsAloneAreThoseOfTheWholeRows() {
        DatabaseReads whole = new DatabaseReads(new DirectoryDatabase(dataSource, clock));
        LocalDate today = queries.today();
        for (AgreementStatus status : new AgreementStatus[] {null, AgreementStatus.ACTIVE}) {
            for (List<DirectorySort> sort : List.of(List.<DirectorySort>of(),
                    List.of(new DirectorySort(DirectorySort.Key.COUNTRY_EN, true), new DirectorySort(DirectorySort.Key.NAME_ZH, false)),
                    List.of(new DirectorySort(DirectorySort.Key.SEQ, false)))) {
                DirectoryFilter[] filters = {
                        new DirectoryFilter(null, null, Set.of("JP", "AU", "US"), Set.of(), 1990, 2015, status, today),
                        new DirectoryFilter(null, PartnerList.EXCHANGE, Set.of(), Set.of(Continent.EUROPE, Continent.AFRICA),
                                null, null, status, today)};
                for (DirectoryFilter filter : filters) {
                    DirectoryFilter tomorrow = new DirectoryFilter(null, filter.list(), filter.countries(),
                            filter.continents(), filter.fromYear(), filter.toYear(), status, today.plusDays(1));
                    long[] ids = whole.orderedIds(filter, sort);
                    assertThat(ids).as(filter + " " + sort).isNotEmpty().containsExactly(whole.orderedIds(tomorrow, sort));
                }
            }
        }
    }

    @Test
    void aSortedPageIsOneIndexRangeFromTheNearerEndOrOneRangePerList() {
        RecordingDataSource counting = new RecordingDataSource(dataSource);
        DirectoryQueries counted = DirectoryQueries.over(counting, clock);
        DirectoryFilter official = DirectoryFilter.official(counted.today());
        int count = counted.count(official);
        for (int offset : List.of(0, count / 2 - 10, count - 10)) {
            counting.statements.clear();
            counted.page(official, List.of(new DirectorySort(DirectorySort.Key.NAME_EN, true)), offset, 10);
            // The version, the ids along the index, their rows.
            assertThat(counting.statements).as("by name at " + offset).hasSize(3)
                    .noneMatch(statement -> statement.sql().contains("standing_day_count"));
            assertThat(counting.statements.get(1).sql()).contains("order by name_en_key" + (offset < count / 2 ? " desc" : ","));

            counting.statements.clear();
            counted.page(official, List.of(new DirectorySort(DirectorySort.Key.SEQ, false)), offset, 10);
            // The version and a range of numbers in each list: 序 n of both lists stand side by side.
            assertThat(counting.statements).as("by 序 at " + offset).hasSizeBetween(2, 3)
                    .noneMatch(statement -> statement.sql().contains("offset"));
        }
    }

    @Test
    void keptSortKeysFollowEditsOfPartnersAndCountries() {
        assertThat(sortKeysApart()).as("after the migration and the seed").isZero();
        transactions.executeWithoutResult(transaction -> {
            jdbc.sql("update partner set name_en = 'a renamed city', admin_level = 'PROVINCE' where name_zh = '悉尼'").update();
            jdbc.sql("update partner set country_iso2 = 'NZ' where name_zh = '墨尔本'").update();
            jdbc.sql("update country set name_zh = '澳洲', name_en = 'Oz', continent = 'ASIA' where iso2 = 'AU'").update();
            assertThat(jdbc.sql("select s.name_en_key || ' ' || s.admin_level || ' ' || s.country_en_key || ' ' || s.continent "
                    + "from partner_standing s join partner p on p.id = s.partner_id where p.name_zh = '悉尼'")
                    .query(String.class).single()).isEqualTo("a renamed city PROVINCE oz ASIA");
            assertThat(sortKeysApart()).as("after edits of partners and a country").isZero();
            transaction.setRollbackOnly();
        });
    }

    /** Standings whose kept sort keys differ from those of their partner and its country. */
    private long sortKeysApart() {
        return jdbc.sql("""
                select count(*) from partner_standing s
                join partner p on p.id = s.partner_id
                join country c on c.iso2 = p.country_iso2
                where (s.name_zh, s.name_en_key, s.country_iso2, s.country_zh, s.country_en_key, s.continent, s.admin_level)
                      is distinct from (p.name_zh, lower(p.name_en), c.iso2, c.name_zh, lower(c.name_en), c.continent, p.admin_level)
                """).query(Long.class).single();
    }
}
