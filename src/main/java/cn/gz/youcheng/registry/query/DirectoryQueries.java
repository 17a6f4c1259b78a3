package cn.gz.youcheng.registry.query;

import cn.gz.youcheng.registry.CountryOption;
import cn.gz.youcheng.registry.PartnerList;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public directory's reads: partners as they stood on a date, with the derived lists and sequence
 * numbers, filtered and sorted in the database, so that a page of rows never needs the whole table in
 * memory and a download streams row by row. The statements are in {@link DirectorySql}; what every visitor
 * shares is remembered by {@link CachedReads}.
 */
// The registry's public reads: the same for every visitor, signed in or not.
@Service
// One snapshot per call: today's numbers are added up from day counts remembered per registry version, and
// the version, the counts and the rows must all be read from the same state of the registry.
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
@PreAuthorize("permitAll()")
public class DirectoryQueries {

    /**
     * Pages of today's lists up to this many rows are read once for every visitor: a grid's pages and the
     * first HTML's list; a printed selection of thousands is not kept.
     */
    static final int SHARED_PAGE_ROWS = 200;

    private final DirectoryDatabase database;
    private final SharedReads shared;

    DirectoryQueries(DirectoryDatabase database, SharedReads shared) {
        this.database = database;
        this.shared = shared;
    }

    /**
     * The read model over another data source, put together as the application's configuration does: for
     * tools that measure or inspect the statements it sends, such as the benchmark.
     */
    public static DirectoryQueries over(DataSource dataSource, Clock clock) {
        DirectoryDatabase database = new DirectoryDatabase(dataSource, clock);
        return new DirectoryQueries(database, CachedReads.over(new DatabaseReads(database)));
    }

    /** Today in Guangzhou: the date the lists are shown for unless another is asked for. */
    public LocalDate today() {
        return database.today();
    }

    /** One page of rows; without sort criteria in the official order (sister cities first, by number). */
    public List<PartnerRow> page(DirectoryFilter filter, List<DirectorySort> sort, int offset, int limit) {
        if (isOfficialToday(filter) && sort.size() <= 1) {
            DirectorySort by = sort.isEmpty() ? null : sort.getFirst();
            if (limit > SHARED_PAGE_ROWS) {
                return officialPage(shared.listNumbers(), by, offset, limit);
            }
            // Read once for every visitor: it is the same for all of them, and their grids hold the one copy.
            return shared.officialPage(new SharedReads.OfficialPage(by, offset, limit),
                    numbers -> officialPage(numbers, by, offset, limit));
        }
        if (isOfficial(filter) && (sort.isEmpty() || sort.size() == 1 && NumberedOrders.decidesOnAnyDate(sort.getFirst()))) {
            return officialPageOn(filter.asOf(), sort.isEmpty() ? null : sort.getFirst(), offset, limit);
        }
        // The ids in order are shared; a page is an array slice and one fetch of its rows by id, never an
        // OFFSET over the rows before it (decision record 0008).
        long[] ids = shared.orderedIds(filter, sort);
        if (offset >= ids.length) {
            return List.of();
        }
        List<Long> pageIds = Arrays.stream(ids, offset, Math.min(ids.length, offset + limit)).boxed().toList();
        return inOrder(pageIds, PartnerRows.of(database, shared, pageIds, filter.asOf()));
    }

    public int count(DirectoryFilter filter) {
        if (isOfficial(filter)) {
            ListNumbers numbers = isOfficialToday(filter) ? shared.listNumbers() : shared.listNumbersOn(filter.asOf());
            return numbers.length(PartnerList.SISTER) + numbers.length(PartnerList.EXCHANGE);
        }
        return shared.orderedIds(filter, List.of()).length;
    }

    /** Every matching row in the official order, handed over one at a time as the database sends them. */
    public void forEach(DirectoryFilter filter, Consumer<PartnerRow> action) {
        try (var rows = database.run(database.sqlFor(filter).rows()).query(rowsOn(filter.asOf())).stream()) {
            rows.forEach(action);
        }
    }

    public ListTotals totals(DirectoryFilter filter) {
        return shared.totals(filter);
    }

    /** Per-year, per-continent and top-country counts of the rows a filter selects (GROUP BY in SQL). */
    public Statistics statistics(DirectoryFilter filter, int topCountries) {
        return shared.statistics(filter, topCountries);
    }

    /** The published exchanges of the partners a filter selects, per year by kind and by theme, and the most active. */
    public ExchangeStatistics exchangeStatistics(DirectoryFilter filter, int top) {
        return shared.exchangeStatistics(filter, top);
    }

    /** The partners a filter selects with coordinates, as one point per country (GROUP BY in SQL). */
    public List<CountryPoint> countryPoints(DirectoryFilter filter) {
        return shared.countryPoints(filter);
    }

    /** The countries that have partners, by ISO code: one list shared by every visitor. */
    public List<CountryOption> countries() {
        return shared.countries();
    }

    /** When the registry last changed (its latest audit revision), for caching downloads. */
    public DataVersion dataVersion() {
        return database.run("select id, created_at from revision order by id desc limit 1")
                .query((rs, i) -> new DataVersion(rs.getLong("id"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional()
                .orElse(new DataVersion(0, Instant.EPOCH));
    }

    public record DataVersion(long revision, Instant changedAt) {
    }

    private boolean isOfficialToday(DirectoryFilter filter) {
        return filter.equals(DirectoryFilter.official(today()));
    }

    private static boolean isOfficial(DirectoryFilter filter) {
        return filter.equals(DirectoryFilter.official(filter.asOf()));
    }

    /**
     * Rows from offset to offset + limit of the two official lists today, in the official order or a sort by
     * one column (decision record 0016). An order the numbers decide is a range of numbers per list, each
     * read from the place its first number has ({@link ListNumbers}); any other sort reads its index from the
     * nearer end.
     */
    private List<PartnerRow> officialPage(ListNumbers numbers, @Nullable DirectorySort sort, int offset, int limit) {
        int sisterCities = numbers.length(PartnerList.SISTER);
        int total = sisterCities + numbers.length(PartnerList.EXCHANGE);
        int end = Math.min(total, offset + limit);
        if (offset >= end) {
            return List.of();
        }
        if (sort == null || NumberedOrders.decides(sort)) {
            return numbered(NumberedOrders.between(sort, numbers, offset, end),
                    (list, first, rows) -> DirectorySql.officialPage(list, numbers.place(list, first), rows),
                    DirectorySql.rows(numbers));
        }
        boolean fromEnd = total - end < offset;
        List<Long> ids = database.run(DirectorySql.officialIdsSorted(sort, fromEnd, fromEnd ? total - end : offset,
                end - offset)).query((rs, row) -> rs.getLong(1)).list();
        return inOrder(fromEnd ? ids.reversed() : ids,
                database.run(DirectorySql.rowsOfToday(ids)).query(DirectorySql.rows(numbers)).list());
    }

    /**
     * Rows from offset to offset + limit of the two official lists on an earlier date, in the official order or
     * a sort that the lists' lengths decide: runs of numbers, each placed by the date's month counts (decision
     * record 0018).
     */
    private List<PartnerRow> officialPageOn(LocalDate asOf, @Nullable DirectorySort sort, int offset, int limit) {
        ListNumbers numbers = shared.listNumbersOn(asOf);
        int total = numbers.length(PartnerList.SISTER) + numbers.length(PartnerList.EXCHANGE);
        int end = Math.min(total, offset + limit);
        if (offset >= end) {
            return List.of();
        }
        return numbered(NumberedOrders.between(sort, numbers, offset, end),
                (list, first, rows) -> DirectorySql.officialPageOn(list, asOf, numbers.place(list, first), rows),
                DirectorySql.rows(null));
    }

    /** The statement that reads {@code rows} standings of a list in its order, from its number {@code first}. */
    @FunctionalInterface
    private interface NumberedRange {
        DirectorySql.Statement from(PartnerList list, int first, int rows);
    }

    /**
     * The rows of these numbers, in this order: one index range per run of consecutive numbers in a list (one
     * per list in the official order; in a sort by date, a page that starts or ends within a day has two).
     * A range's rows come in the list's order, so the n-th has the run's n-th number.
     */
    private List<PartnerRow> numbered(List<NumberedOrders.Numbered> wanted, NumberedRange range,
            RowMapper<PartnerRow> mapper) {
        Map<NumberedOrders.Numbered, PartnerRow> rows = new HashMap<>();
        for (PartnerList list : PartnerList.values()) {
            int[] inList = wanted.stream().filter(row -> row.list() == list)
                    .mapToInt(NumberedOrders.Numbered::number).sorted().toArray();
            for (int start = 0, end; start < inList.length; start = end) {
                end = start + 1;
                while (end < inList.length && inList[end] == inList[end - 1] + 1) {
                    end++;
                }
                List<PartnerRow> run = database.run(range.from(list, inList[start], end - start)).query(mapper).list();
                for (int i = 0; i < run.size(); i++) {
                    int number = inList[start] + i;
                    PartnerRow row = run.get(i);
                    rows.put(new NumberedOrders.Numbered(list, number), row.seq() == null ? row.withSeq(number) : row);
                }
            }
        }
        return wanted.stream().map(rows::get).filter(Objects::nonNull).toList();
    }

    /** The rows in the order of these ids. */
    private static List<PartnerRow> inOrder(List<Long> ids, List<PartnerRow> rows) {
        Map<Long, PartnerRow> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.id(), row));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** How rows of standings on a date are read: today's are numbered by the day counts. */
    private RowMapper<PartnerRow> rowsOn(LocalDate asOf) {
        return DirectorySql.rows(asOf.equals(today()) ? shared.listNumbers() : null);
    }
}
