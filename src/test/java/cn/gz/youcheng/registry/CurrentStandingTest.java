package cn.gz.youcheng.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gz.youcheng.AdminTest;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.query.DirectorySort;
import cn.gz.youcheng.registry.query.PartnerDetailsQueries;
import cn.gz.youcheng.registry.query.PartnerRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Today's standings are kept by database triggers; everything else is derived from the status history.
 * After real changes both must tell the same story (tomorrow is derived from the history and, since
 * nothing is ever dated in the future, must equal today).
 */
@AdminTest
class CurrentStandingTest {

    @Autowired
    DirectoryQueries queries;
    @Autowired
    PartnerDetailsQueries details;
    @Autowired
    RegistryService registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void todaysKeptStandingsAgreeWithTheHistoryAfterAdds_UpgradesAndEnds() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "standing.test", null, AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
        DirectoryFilter search = new DirectoryFilter("早签", null, Set.of(), Set.of(), null, null, null, queries.today());
        assertThat(queries.count(search)).isZero();
        // A partner signed long ago: every later number in its list moves up by one.
        long early = registry.addPartner(new RegistryCommands.AddPartner("早签市", "Early City", "PL", null,
                AdminLevel.CITY, null, null, AgreementKind.FRIENDLY_EXCHANGE, LocalDate.of(1990, 1, 1), null, null, null));
        // A search read before the change is not answered from what it read then.
        assertThat(queries.page(search, List.of(), 0, 10)).extracting(PartnerRow::id).containsExactly(early);
        long upgraded = jdbc.sql("select id from partner where name_zh = '蒂瓦特'").query(Long.class).single();
        registry.upgrade(new RegistryCommands.Upgrade(upgraded, registry.partnerForEditing(upgraded).orElseThrow().version(),
                LocalDate.of(2024, 6, 1), null, null));
        long ended = jdbc.sql("select a.id from agreement a join partner p on p.id = a.partner_id where p.name_zh = '德班'")
                .query(Long.class).single();
        registry.changeStatus(new RegistryCommands.ChangeStatus(ended, jdbc.sql("select version from agreement where id = :id")
                .param("id", ended).query(Long.class).single(), AgreementStatus.TERMINATED, LocalDate.of(2024, 1, 1), "test"));

        // A corrected signing date moves a partner within its list; a corrected note moves nothing.
        long moved = jdbc.sql("select a.id from agreement a join partner p on p.id = a.partner_id where p.name_zh = '里昂'")
                .query(Long.class).single();
        registry.editAgreement(new RegistryCommands.EditAgreement(moved, jdbc.sql("select version from agreement where id = :id")
                .param("id", moved).query(Long.class).single(), LocalDate.of(2010, 5, 5), "Lyon", null, "date corrected"));

        LocalDate today = queries.today();
        LocalDate tomorrow = today.plusDays(1);
        assertThat(rows(DirectoryFilter.official(today))).isEqualTo(rows(DirectoryFilter.official(tomorrow)));
        for (int offset : List.of(0, 30, 37, 38, 50, 100)) {
            assertThat(queries.page(DirectoryFilter.official(today), List.of(), offset, 20)).as("offset " + offset)
                    .isEqualTo(queries.page(DirectoryFilter.official(tomorrow), List.of(), offset, 20));
        }
        assertThat(queries.count(DirectoryFilter.official(today))).isEqualTo(queries.count(DirectoryFilter.official(tomorrow)));
        for (AgreementStatus status : new AgreementStatus[] {null, AgreementStatus.TERMINATED, AgreementStatus.SUPERSEDED}) {
            DirectoryFilter any = new DirectoryFilter(null, null, Set.of(), Set.of(), null, null, status, today);
            DirectoryFilter anyTomorrow = new DirectoryFilter(null, null, Set.of(), Set.of(), null, null, status, tomorrow);
            assertThat(rows(any)).as(String.valueOf(status)).isEqualTo(rows(anyTomorrow));
        }
        assertThat(details.partner(early, today).orElseThrow().standing().seq()).isNotNull();
        assertThat(details.partner(upgraded, today).orElseThrow().standing().list()).isEqualTo(PartnerList.SISTER);
        assertThat(details.partner(jdbc.sql("select id from partner where name_zh = '里昂'").query(Long.class).single(), today)
                .orElseThrow().standing().signedOn()).isEqualTo(LocalDate.of(2010, 5, 5));
    }

    @Test
    void keptPeriodsAreTheRulesAnswerOnEveryDateAfterAnyChangeOfHistory() {
        transactions.executeWithoutResult(transaction -> {
            changeHistoryInEveryWay();

            List<LocalDate> dates = jdbc.sql("""
                            select distinct d + shift from (select signed_on as d from agreement
                                                            union select effective_on from agreement_status_change) t,
                                                           (values (-1), (0), (1)) s (shift)
                            order by 1
                            """).query(LocalDate.class).list();
            assertThat(dates).hasSizeGreaterThan(100);
            for (LocalDate date : dates) {
                assertThat(periodsApartFromTheRule(date)).as("standings on " + date).isZero();
            }
            // Today's period of each partner is its kept standing.
            assertThat(jdbc.sql("""
                    select count(*) from (
                        (select partner_id, kind, list_rank, signed_on, status from partner_standing
                         except all
                         select partner_id, kind, list_rank, signed_on, status from standing_period where valid_until = 'infinity')
                        union all
                        (select partner_id, kind, list_rank, signed_on, status from standing_period where valid_until = 'infinity'
                         except all
                         select partner_id, kind, list_rank, signed_on, status from partner_standing)) apart
                    """).query(Long.class).single()).isZero();
            // And the periods the triggers kept are those a rebuild of every partner makes.
            List<String> kept = periods();
            jdbc.sql("select refresh_standing_periods(null)").query((rs, i) -> 0).list();
            assertThat(periods()).isEqualTo(kept);
            transaction.setRollbackOnly();
        });
    }

    /**
     * A partner of its own with a memorandum suspended and reinstated by history alone, then upgraded; a seed
     * agreement ended in the past, another's history corrected, a third's history written and removed.
     */
    private void changeHistoryInEveryWay() {
        // A partner of its own: a memorandum suspended and reinstated by history alone, then upgraded.
        long partner = partner("时段城");
        long memo = agreement(partner, "FRIENDLY_EXCHANGE", LocalDate.of(2001, 3, 4), "ACTIVE");
        statusChange(memo, "SUSPENDED", LocalDate.of(2005, 1, 1));
        statusChange(memo, "ACTIVE", LocalDate.of(2006, 6, 6));
        long sister = agreement(partner, "SISTER_CITY", LocalDate.of(2010, 10, 10), "ACTIVE");
        statusChange(memo, "SUPERSEDED", LocalDate.of(2010, 10, 10));
        jdbc.sql("update agreement set status = 'SUPERSEDED', superseded_by_id = :sister where id = :memo")
                .param("sister", sister).param("memo", memo).update();
        // A seed agreement ended in the past, another's history corrected, a third's history removed.
        long melbourne = agreementOf("墨尔本");
        statusChange(melbourne, "TERMINATED", LocalDate.of(2015, 5, 5));
        jdbc.sql("update agreement set status = 'TERMINATED' where id = :id").param("id", melbourne).update();
        jdbc.sql("update agreement_status_change set effective_on = effective_on + 400 where agreement_id = :id")
                .param("id", agreementOf("达尔文")).update();
        jdbc.sql("insert into agreement_status_change (agreement_id, status, effective_on) values (:id, 'SUSPENDED', date '1999-09-09')")
                .param("id", agreementOf("悉尼")).update();
        jdbc.sql("delete from agreement_status_change where agreement_id = :id and status = 'SUSPENDED'")
                .param("id", agreementOf("悉尼")).update();
    }

    @Test
    void theListsOnAnyEarlierDatePageAsTheirWholeNumberedRowsAfterAnyChangeOfHistory() {
        transactions.executeWithoutResult(transaction -> {
            changeHistoryInEveryWay();
            // What the writes kept at every year end is what the periods count there, and what counting every
            // year end again from the periods gives.
            assertThat(yearEnds()).hasSizeGreaterThan(40);
            assertThat(monthCountsApartFromThePeriods()).isZero();
            List<String> kept = monthCounts();
            jdbc.sql("delete from standing_year_end").update();
            int added = jdbc.sql("select keep_standing_year_ends(:today)").param("today", queries.today())
                    .query(Integer.class).single();
            int firstYear = jdbc.sql("select extract(year from min(valid_from))::int from standing_period where status = 'ACTIVE'")
                    .query(Integer.class).single();
            assertThat(yearEnds()).hasSize(added).containsExactlyElementsOf(IntStream.range(firstYear, queries.today().getYear())
                    .mapToObj(year -> LocalDate.of(year, 12, 31)).toList());
            assertThat(monthCountsApartFromThePeriods()).isZero();
            assertThat(monthCounts()).containsAll(kept);
            // Taken again, nothing is missing.
            assertThat(jdbc.sql("select keep_standing_year_ends(:today)").param("today", queries.today())
                    .query(Integer.class).single()).isZero();

            // The date's lists paged by the month counts against every row of the date, numbered in one window
            // (partner_standing_on): on every change date and the days either side, and between year ends,
            // each counted from the nearest year end, before or after it.
            DirectoryQueries read = DirectoryQueries.over(dataSource, clock);
            List<LocalDate> dates = new ArrayList<>(jdbc.sql("""
                    select distinct d + shift from (select signed_on as d from agreement
                                                    union select effective_on from agreement_status_change
                                                    union select year_end from standing_year_end) t,
                                                   (values (-1), (0), (1)) s (shift)
                    where d + shift < :today order by 1
                    """).param("today", queries.today()).query(LocalDate.class).list());
            dates.add(LocalDate.of(2001, 4, 1));
            dates.add(LocalDate.of(2015, 6, 30));
            for (LocalDate date : dates) {
                DirectoryFilter official = DirectoryFilter.official(date);
                List<PartnerRow> whole = new ArrayList<>();
                read.forEach(official, whole::add);
                assertThat(read.count(official)).as("count on " + date).isEqualTo(whole.size());
                List<PartnerRow> paged = new ArrayList<>();
                for (int offset = 0; offset < whole.size(); offset += 10) {
                    paged.addAll(read.page(official, List.of(), offset, 10));
                }
                assertThat(paged).as("lists on " + date).isEqualTo(whole);
            }
            // Sorts that the lists' lengths decide, against the same rows ordered whole: a filter that selects
            // every active standing without being the official lists' takes the ordering's path.
            for (LocalDate date : List.of(LocalDate.of(1995, 12, 31), LocalDate.of(2010, 10, 10), queries.today().minusDays(1))) {
                DirectoryFilter official = DirectoryFilter.official(date);
                DirectoryFilter ordered = new DirectoryFilter(null, null, Set.of(), Set.of(), 1, null, AgreementStatus.ACTIVE, date);
                for (DirectorySort.Key key : List.of(DirectorySort.Key.LIST, DirectorySort.Key.SEQ, DirectorySort.Key.STATUS)) {
                    for (boolean descending : List.of(false, true)) {
                        List<DirectorySort> sort = List.of(new DirectorySort(key, descending));
                        int count = read.count(official);
                        assertThat(count).isEqualTo(read.count(ordered)).isPositive();
                        List<PartnerRow> paged = new ArrayList<>();
                        for (int offset = 0; offset < count; offset += 9) {
                            paged.addAll(read.page(official, sort, offset, 9));
                        }
                        assertThat(paged).as(sort + " on " + date).isEqualTo(read.page(ordered, sort, 0, count));
                    }
                }
            }
            transaction.setRollbackOnly();
        });
    }

    private List<LocalDate> yearEnds() {
        return jdbc.sql("select year_end from standing_year_end order by 1").query(LocalDate.class).list();
    }

    private List<String> monthCounts() {
        return jdbc.sql("select concat_ws(' ', year_end, list_rank, signed_month, active) from standing_month_count where active <> 0 order by 1")
                .query(String.class).list();
    }

    /** Counts kept at a year end that differ from what the active periods holding then count, or are missing. */
    private long monthCountsApartFromThePeriods() {
        return jdbc.sql("""
                with counted as (
                    select y.year_end, p.list_rank, date_trunc('month', p.signed_on::timestamp)::date as signed_month,
                           count(*)::integer as active
                    from standing_period p
                    join standing_year_end y on p.valid_from <= y.year_end and y.year_end < p.valid_until
                    where p.status = 'ACTIVE'
                    group by 1, 2, 3
                ),
                kept as (select year_end, list_rank, signed_month, active from standing_month_count where active <> 0)
                select count(*) from ((select * from kept except all select * from counted)
                                      union all (select * from counted except all select * from kept)) apart
                """).query(Long.class).single();
    }

    private long periodsApartFromTheRule(LocalDate date) {
        return jdbc.sql("""
                select count(*) from (
                    (select partner_id, kind, list_rank, signed_on, status from partner_standings_on(:d, null)
                     except all
                     select partner_id, kind, list_rank, signed_on, status from standing_period
                     where valid_from <= :d and :d < valid_until)
                    union all
                    (select partner_id, kind, list_rank, signed_on, status from standing_period
                     where valid_from <= :d and :d < valid_until
                     except all
                     select partner_id, kind, list_rank, signed_on, status from partner_standings_on(:d, null))) apart
                """).param("d", date).query(Long.class).single();
    }

    private List<String> periods() {
        return jdbc.sql("select concat_ws(' ', partner_id, valid_from, valid_until, kind, signed_on, status) from standing_period order by 1")
                .query(String.class).list();
    }

    private long agreementOf(String partnerName) {
        return jdbc.sql("select a.id from agreement a join partner p on p.id = a.partner_id where p.name_zh = :name and a.status = 'ACTIVE'")
                .param("name", partnerName).query(Long.class).single();
    }

    private long agreement(long partner, String kind, LocalDate signed, String status) {
        long id = jdbc.sql("insert into agreement (partner_id, kind, signed_on, status) values (:p, :kind, :signed, :status) returning id")
                .param("p", partner).param("kind", kind).param("signed", signed).param("status", status)
                .query(Long.class).single();
        statusChange(id, "ACTIVE", signed);
        return id;
    }

    private void statusChange(long agreement, String status, LocalDate on) {
        jdbc.sql("insert into agreement_status_change (agreement_id, status, effective_on) values (:a, :status, :on)")
                .param("a", agreement).param("status", status).param("on", on).update();
    }

    @Test
    void twoWritersAtOnceNeverGiveTheSameNumber() throws Exception {
        LocalDate signed = queries.today().minusDays(1);
        long first = partner("并发甲");
        long second = partner("并发乙");
        try (Connection one = dataSource.getConnection(); Connection other = dataSource.getConnection()) {
            one.setAutoCommit(false);
            other.setAutoCommit(false);
            int otherBackend = backend(other);
            sign(one, first, signed);
            // Both go to the end of the exchange list; the second waits for the first to commit.
            CompletableFuture<Void> meanwhile = CompletableFuture.runAsync(() -> sign(other, second, signed));
            await().atMost(Duration.ofSeconds(30)).until(() -> "Lock".equals(jdbc.sql(
                    "select wait_event_type from pg_stat_activity where pid = :pid").param("pid", otherBackend)
                    .query((rs, i) -> rs.getString(1)).optional().orElse(null)));
            assertThat(meanwhile).isNotDone();
            one.commit();
            meanwhile.get(30, TimeUnit.SECONDS);
            other.commit();
        }
        // Both were signed the same day: that day's positions are dense, its counter counts both, and the
        // one who waited comes last.
        var day = jdbc.sql("""
                        select count(*) as partners, count(distinct seq_in_day) as positions, max(seq_in_day) as highest,
                               (select active from standing_day_count where list_rank = 1 and signed_on = :day) as counted
                        from partner_standing where status = 'ACTIVE' and list_rank = 1 and signed_on = :day
                        """)
                .param("day", signed)
                .query((rs, i) -> List.of(rs.getLong("partners"), rs.getLong("positions"), rs.getLong("highest"),
                        rs.getLong("counted")))
                .single();
        assertThat(day.get(0)).as("partners that day").isGreaterThanOrEqualTo(2);
        assertThat(day.get(1)).as("distinct positions").isEqualTo(day.get(0));
        assertThat(day.get(2)).as("highest position").isEqualTo(day.get(0));
        assertThat(day.get(3)).as("the day's counter").isEqualTo(day.get(0));
        assertThat(jdbc.sql("select seq_in_day from partner_standing where partner_id = :id").param("id", second)
                .query(Integer.class).single()).isEqualTo(day.get(2).intValue());
        // And the list's numbers as the public sees them: 1 to its length, each once.
        DirectoryFilter exchange = new DirectoryFilter(null, PartnerList.EXCHANGE, Set.of(), Set.of(), null, null,
                AgreementStatus.ACTIVE, queries.today());
        assertThat(rows(exchange)).extracting(PartnerRow::seq)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, queries.count(exchange)).boxed().toList());
    }

    @Test
    void twoWritersOfOnePartnersHistoryAtOnceBothLand() throws Exception {
        long partner = partner("并发丙");
        try (Connection setUp = dataSource.getConnection()) {
            sign(setUp, partner, LocalDate.of(2003, 3, 3));
        }
        long agreement = jdbc.sql("select id from agreement where partner_id = :p").param("p", partner)
                .query(Long.class).single();
        try (Connection one = dataSource.getConnection(); Connection other = dataSource.getConnection()) {
            one.setAutoCommit(false);
            other.setAutoCommit(false);
            int otherBackend = backend(other);
            recordStatus(one, agreement, "SUSPENDED", LocalDate.of(2008, 8, 8));
            // The second writer waits for the first to commit (the writers' locks of V6 and V15), then
            // rebuilds the partner's periods from both changes.
            CompletableFuture<Void> meanwhile = CompletableFuture.runAsync(
                    () -> recordStatus(other, agreement, "ACTIVE", LocalDate.of(2009, 9, 9)));
            await().atMost(Duration.ofSeconds(30)).until(() -> "Lock".equals(jdbc.sql(
                    "select wait_event_type from pg_stat_activity where pid = :pid").param("pid", otherBackend)
                    .query((rs, i) -> rs.getString(1)).optional().orElse(null)));
            one.commit();
            meanwhile.get(30, TimeUnit.SECONDS);
            other.commit();
        }
        assertThat(jdbc.sql("select concat_ws(' ', valid_from, valid_until, status) from standing_period where partner_id = :p order by valid_from")
                .param("p", partner).query(String.class).list())
                .containsExactly("2003-03-03 2008-08-08 ACTIVE", "2008-08-08 2009-09-09 SUSPENDED", "2009-09-09 infinity ACTIVE");
        for (LocalDate date : List.of(LocalDate.of(2003, 3, 3), LocalDate.of(2008, 8, 8), LocalDate.of(2009, 9, 9))) {
            assertThat(periodsApartFromTheRule(date)).as("standings on " + date).isZero();
        }
    }

    private static void recordStatus(Connection connection, long agreement, String status, LocalDate on) {
        try (PreparedStatement statement = connection.prepareStatement(
                "insert into agreement_status_change (agreement_id, status, effective_on) values (?, ?, ?)")) {
            statement.setLong(1, agreement);
            statement.setString(2, status);
            statement.setObject(3, on);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int backend(Connection connection) throws SQLException {
        try (var statement = connection.createStatement(); var result = statement.executeQuery("select pg_backend_pid()")) {
            result.next();
            return result.getInt(1);
        }
    }

    private long partner(String name) {
        return jdbc.sql("insert into partner (name_zh, name_en, country_iso2, admin_level) values (:name, :name, 'FR', 'CITY') returning id")
                .param("name", name).query(Long.class).single();
    }

    private static void sign(Connection connection, long partner, LocalDate signed) {
        try (PreparedStatement statement = connection.prepareStatement("""
                with a as (insert into agreement (partner_id, kind, signed_on, status)
                           values (?, 'FRIENDLY_EXCHANGE', ?, 'ACTIVE') returning id)
                insert into agreement_status_change (agreement_id, status, effective_on) select id, 'ACTIVE', ? from a
                """)) {
            statement.setLong(1, partner);
            statement.setObject(2, signed);
            statement.setObject(3, signed);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<PartnerRow> rows(DirectoryFilter filter) {
        List<PartnerRow> rows = new ArrayList<>();
        queries.forEach(filter, rows::add);
        return rows;
    }
}
