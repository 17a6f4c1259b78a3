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
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public directory's reads: partners as they stood on a date, with the derived lists and sequence
 * numbers, filtered and sorted in the database, so that a page of rows never needs the whole table in
 * memory and a download streams row by row. The statements are in {@link DirectorySql}; what every visitor
 * shares is remembered by {@link CachedReads}.
 */
// The registry's public reads: the same for every visitor, signed in or not.
@Service
@Transactional(readOnly = true)
@PreAuthorize("permitAll()")
public class DirectoryQueries {

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
        if (sort.isEmpty() && isOfficialToday(filter)) {
            return database.run(DirectorySql.officialPage(offset, limit, lastNumber(PartnerList.SISTER)))
                    .query(DirectorySql::row)
                    .list();
        }
        // The ids in order are shared; a page is an array slice and one fetch of its rows by id, never an
        // OFFSET over the rows before it (decision record 0008).
        long[] ids = shared.orderedIds(filter, sort);
        if (offset >= ids.length) {
            return List.of();
        }
        List<Long> pageIds = Arrays.stream(ids, offset, Math.min(ids.length, offset + limit)).boxed().toList();
        Map<Long, PartnerRow> rows = new HashMap<>();
        database.run(DirectorySql.rowsOf(pageIds, filter.asOf(), today()))
                .query(DirectorySql::row)
                .list()
                .forEach(row -> rows.put(row.id(), row));
        return pageIds.stream().map(rows::get).filter(Objects::nonNull).toList();
    }

    public int count(DirectoryFilter filter) {
        if (isOfficialToday(filter)) {
            return lastNumber(PartnerList.SISTER) + lastNumber(PartnerList.EXCHANGE);
        }
        return shared.orderedIds(filter, List.of()).length;
    }

    /** Every matching row in the official order, handed over one at a time as the database sends them. */
    public void forEach(DirectoryFilter filter, Consumer<PartnerRow> action) {
        try (var rows = database.run(database.sqlFor(filter).rows()).query(DirectorySql::row).stream()) {
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

    private int lastNumber(PartnerList list) {
        return database.run(DirectorySql.lastNumber(list)).query(Integer.class).single();
    }
}
