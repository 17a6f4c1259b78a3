package cn.gz.youcheng.registry.query;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.RecordingDataSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The directory's text search on the official list, and guards on how its queries reach the database: a
 * page costs a fixed number of statements however deep it is, and a full download is fetched in chunks.
 */
@IntegrationTest
class DirectoryQueriesTest {

    @Autowired
    DirectoryQueries queries;
    @Autowired
    PartnerDetailsQueries details;
    @Autowired
    DataSource dataSource;
    @Autowired
    Clock clock;
    @Autowired
    YearEndCounts yearEndCounts;

    @Test
    void searchFindsPartnersByAnyPartOfTheirChineseOrEnglishNameOrTheirCountry() {
        assertThat(names("悉尼")).containsExactly("悉尼");
        // One character: in a partner's name, or in its country's (尼泊尔).
        assertThat(names("尼")).contains("悉尼", "马尼拉", "博克拉").doesNotContain("墨尔本");
        assertThat(names("sydNEY")).containsExactly("悉尼");
        assertThat(names("ydn")).containsExactly("悉尼");
        assertThat(names("澳大利亚")).containsExactlyInAnyOrder("悉尼", "墨尔本", "达尔文");
        assertThat(names("Australia")).containsExactlyInAnyOrder("悉尼", "墨尔本", "达尔文");
        // Two characters that the name holds, but not in this order.
        assertThat(names("尼悉")).isEmpty();
    }

    @Test
    void everyStatementIsPlannedForItsOwnValues() throws Exception {
        // A plan kept for any date read last year's lists five times slower than one made for that date.
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var result = statement.executeQuery("show plan_cache_mode")) {
            result.next();
            assertThat(result.getString(1)).isEqualTo("force_custom_plan");
        }
    }

    @Test
    void wildcardsInASearchAreTakenLiterally() {
        assertThat(names("%")).isEmpty();
        assertThat(names("_")).isEmpty();
        assertThat(names("悉_")).isEmpty();
    }

    @Test
    void aPageCostsTheSameFewStatementsAtAnyDepthWithOrWithoutASearch() {
        RecordingDataSource counting = new RecordingDataSource(dataSource);
        DirectoryQueries counted = DirectoryQueries.over(counting, clock);
        DirectoryFilter official = DirectoryFilter.official(counted.today());
        DirectoryFilter search = new DirectoryFilter("a", null, Set.of(), Set.of(), null, null, null, counted.today());

        // The grid counts first: that reads the search's order once, and the lists' day counts once.
        int found = counted.count(search);
        assertThat(counted.count(official)).isEqualTo(107);
        assertThat(found).isGreaterThan(50);
        for (int offset : List.of(0, 50, found - 1)) {
            counting.statements.clear();
            assertThat(counted.page(official, List.of(), offset, 50)).hasSize(Math.max(0, Math.min(50, 107 - offset)));
            // The registry's version, and one index range per list the page reaches into.
            assertThat(counting.statements).as("official page at " + offset).hasSizeBetween(2, 3)
                    .noneMatch(statement -> statement.sql().contains("offset"))
                    .noneMatch(statement -> statement.sql().contains("standing_day_count"));

            counting.statements.clear();
            assertThat(counted.page(search, List.of(), offset, 50)).hasSize(Math.min(50, found - offset));
            // The version (for the order, and for today's numbers, both remembered) and the page's rows by id.
            assertThat(counting.statements).as("search page at " + offset).hasSize(3)
                    .noneMatch(statement -> statement.sql().contains("offset"));
        }
        counting.statements.clear();
        assertThat(counted.count(official)).isEqualTo(107);
        assertThat(counting.statements).as("a count of the official lists reads only the registry's version")
                .singleElement().satisfies(statement -> assertThat(statement.sql()).contains("registry_version"));
    }

    @Test
    void everyYearThatHasEndedIsCountedOnceTheServerHasStarted() {
        // The migration ran on an empty registry; the start-up, after the official list was loaded, counted
        // the lists at every year's end since the first agreement, and finds nothing more to count.
        JdbcClient jdbc = JdbcClient.create(dataSource);
        int firstYear = jdbc.sql("select extract(year from min(signed_on))::int from agreement").query(Integer.class).single();
        assertThat(firstYear).isLessThanOrEqualTo(1979);
        assertThat(jdbc.sql("select year_end from standing_year_end order by 1").query(LocalDate.class).list())
                .startsWith(LocalDate.of(firstYear, 12, 31))
                .endsWith(LocalDate.of(queries.today().getYear() - 1, 12, 31))
                .hasSize(queries.today().getYear() - firstYear);
        assertThat(yearEndCounts.keepUpToToday()).isZero();
    }

    @Test
    void aPageOfAnEarlierDateIsAnIndexRangePlacedByTheDatesMonthCountsWithoutOrderingTheDate() {
        RecordingDataSource counting = new RecordingDataSource(dataSource);
        DirectoryQueries counted = DirectoryQueries.over(counting, clock);
        // A year end with counts of its own, and a date between two.
        for (LocalDate then : List.of(LocalDate.of(2015, 12, 31), LocalDate.of(2016, 5, 17))) {
            DirectoryFilter official = DirectoryFilter.official(then);
            counting.statements.clear();
            assertThat(counted.page(official, List.of(), 0, 20)).hasSize(20);
            // The registry's version, the date's month counts, one range of the sister cities' periods.
            assertThat(counting.statements).as("first page on " + then).hasSize(3)
                    .noneMatch(statement -> statement.sql().contains("string_agg") || statement.sql().contains("row_number"));
            assertThat(counting.statements.get(1).sql()).contains("standing_month_count");
            assertThat(counting.statements.get(2).sql()).contains("from standing_period").contains("offset");

            counting.statements.clear();
            int count = counted.count(official);
            assertThat(counted.page(official, List.of(), count - 8, 5)).hasSize(5);
            // The counts are remembered: besides the version of each remembered read, one range deep in the
            // exchange list.
            assertThat(counting.statements).as("later page on " + then)
                    .filteredOn(statement -> !statement.sql().contains("registry_version"))
                    .singleElement()
                    .satisfies(statement -> assertThat(statement.sql()).contains("from standing_period"));
        }
    }

    @Test
    void aSearchsPagesFollowOneAnotherInOrderWithoutGapsOrRepeats() {
        DirectoryFilter search = new DirectoryFilter("a", null, Set.of(), Set.of(), null, null, null, queries.today());
        List<DirectorySort> byName = List.of(new DirectorySort(DirectorySort.Key.NAME_EN, true));
        for (List<DirectorySort> sort : List.of(List.<DirectorySort>of(), byName)) {
            List<PartnerRow> whole = queries.page(search, sort, 0, 1000);
            List<PartnerRow> paged = new ArrayList<>();
            for (int offset = 0; offset < whole.size(); offset += 7) {
                paged.addAll(queries.page(search, sort, offset, 7));
            }
            assertThat(paged).as(sort.toString()).isEqualTo(whole);
            assertThat(whole).hasSize(queries.count(search)).doesNotHaveDuplicates();
        }
    }

    @Test
    void pagesOnAnEarlierDateCarryTheNumbersOfThatDatesWholeLists() {
        LocalDate then = LocalDate.of(2015, 6, 30);
        List<DirectoryFilter> filters = List.of(DirectoryFilter.official(then),
                new DirectoryFilter("a", null, Set.of(), Set.of(), null, null, null, then),
                new DirectoryFilter(null, null, Set.of("JP", "US"), Set.of(), 1980, 2010, null, then));
        for (DirectoryFilter filter : filters) {
            // The stream numbers every standing of the date in the database (partner_standing_on); pages are
            // derived for their own partners and numbered from the date's official order.
            List<PartnerRow> streamed = new ArrayList<>();
            queries.forEach(filter, streamed::add);
            List<PartnerRow> paged = new ArrayList<>();
            for (int offset = 0; offset < streamed.size(); offset += 7) {
                paged.addAll(queries.page(filter, List.of(), offset, 7));
            }
            assertThat(paged).as(filter.toString()).isEqualTo(streamed);
            assertThat(streamed).as(filter.toString()).isNotEmpty().anyMatch(row -> row.seq() != null);
        }
        // A partner's own page on that date says the same.
        List<PartnerRow> official = queries.page(DirectoryFilter.official(then), List.of(), 40, 3);
        for (PartnerRow row : official) {
            assertThat(details.partner(row.id(), then).orElseThrow().standing()).isEqualTo(row);
        }
        // Before any agreement: empty lists, and a partner that stood nowhere yet.
        LocalDate before = LocalDate.of(1900, 1, 1);
        assertThat(queries.count(DirectoryFilter.official(before))).isZero();
        assertThat(queries.page(DirectoryFilter.official(before), List.of(), 0, 50)).isEmpty();
        assertThat(details.partner(official.getFirst().id(), before).orElseThrow().standing()).isNull();
    }

    @Test
    void aDownloadIsFetchedFromTheDatabaseInChunksInsideATransaction() {
        // PostgreSQL's driver reads a result set in chunks only with a fetch size and autocommit off;
        // otherwise it holds every row in memory before the first one is handed over.
        RecordingDataSource counting = new RecordingDataSource(dataSource);
        DirectoryQueries counted = DirectoryQueries.over(counting, clock);
        List<PartnerRow> rows = new ArrayList<>();
        new TransactionTemplate(new DataSourceTransactionManager(counting)).executeWithoutResult(
                status -> counted.forEach(DirectoryFilter.official(counted.today()), rows::add));
        assertThat(rows).hasSize(107);
        assertThat(counting.statements).allSatisfy(statement -> assertThat(statement.autoCommit()).isFalse())
                .filteredOn(statement -> statement.sql().contains("from numbered"))
                .singleElement().satisfies(statement -> assertThat(statement.fetchSize()).isBetween(1, 10_000));

        // The application's own instance brings the transaction itself.
        List<Boolean> inTransaction = new ArrayList<>();
        queries.forEach(DirectoryFilter.official(queries.today()),
                row -> inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive()));
        assertThat(inTransaction).hasSize(107).containsOnly(true);
    }

    private List<String> names(String text) {
        return queries.page(new DirectoryFilter(text, null, Set.of(), Set.of(), null, null, null, queries.today()),
                        List.of(), 0, 200)
                .stream().map(PartnerRow::nameZh).toList();
    }
}
