package cn.gz.youcheng.registry;

import cn.gz.youcheng.base.db.Like;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only queries behind the public directory and downloads: partners as they stood on a date, with the
 * derived lists and sequence numbers, filtered and sorted in the database, so that a page of rows never
 * needs the whole table in memory and a download streams row by row.
 */
// The registry's public reads: the same for every visitor, signed in or not.
@Service
@Transactional(readOnly = true)
@PreAuthorize("permitAll()")
public class DirectoryQueries {

    /**
     * Partners as they stood on an earlier date, numbered: derived from the status history by the one
     * definition of a standing (V11__standing_said_once.sql). Filters apply after numbering, so a filtered
     * row keeps its official number.
     */
    private static final String STANDING_ON_A_DATE = """
            with numbered as (
                select partner_id, kind, signed_on, status, seq, list_rank from partner_standing_on(:asOf)
            )
            """;

    /**
     * Today's standings, kept by the database on every write (see V3__current_standing.sql): status and
     * signing dates are never in the future, so today is the latest state.
     */
    private static final String STANDING_TODAY = """
            with numbered as (
                select partner_id, kind, signed_on, status, seq, list_rank from partner_standing
            )
            """;

    private static final String FROM = """
            from numbered l
            join partner p on p.id = l.partner_id
            join country c on c.iso2 = p.country_iso2
            """;

    /** Read by position in {@link #row}: keep the order. */
    private static final String ROW_COLUMNS = """
            select p.id, l.kind, l.seq, p.name_zh, p.name_en, c.iso2, c.name_zh as country_zh,
                   c.name_en as country_en, c.continent, p.admin_level, l.signed_on, l.status, p.latitude, p.longitude
            """;

    private static final String OFFICIAL_ORDER = "l.list_rank, l.seq, l.signed_on, p.id";

    private final JdbcClient jdbc;
    private final Clock clock;
    /** Filtered orders as partner ids: at most 4 million ids (32 MB); an empty one weighs as a hundred. */
    private final RecentResults<long[]> orderedPartners = new RecentResults<>(4_000_000, ids -> ids.length + 100);
    /** Totals, statistics and map points: small, a few thousand of them. */
    private final RecentResults<Object> summaries = new RecentResults<>(5_000, result -> 1);
    private volatile Countries countries;

    public DirectoryQueries(DataSource dataSource, Clock clock) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // Within a transaction PostgreSQL then sends a large result in chunks instead of all at once.
        template.setFetchSize(2000);
        this.jdbc = JdbcClient.create(template);
        this.clock = clock;
    }

    /** Today in Guangzhou: the date the lists are shown for unless another is asked for. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** One page of rows; without sort criteria in the official order (sister cities first, by number). */
    public List<PartnerRow> page(DirectoryFilter filter, List<DirectorySort> sort, int offset, int limit) {
        if (sort.isEmpty() && isOfficialToday(filter)) {
            // The published lists in their own order: 序 is dense within each list, so a page is two index
            // ranges, however deep, and never an OFFSET over the rows before it.
            int sisterCities = lastNumber(0);
            return jdbc.sql(STANDING_TODAY + ROW_COLUMNS + FROM + """
                            where l.status = 'ACTIVE'
                              and ((l.list_rank = 0 and l.seq between :from and :to)
                                or (l.list_rank = 1 and l.seq between :from - :sister and :to - :sister))
                            order by l.list_rank, l.seq
                            """)
                    .param("from", offset + 1)
                    .param("to", offset + limit)
                    .param("sister", sisterCities)
                    .query(DirectoryQueries::row)
                    .list();
        }
        long[] ids = orderedPartners(filter, sort);
        if (offset >= ids.length) {
            return List.of();
        }
        List<Long> pageIds = Arrays.stream(ids, offset, Math.min(ids.length, offset + limit)).boxed().toList();
        Map<Long, PartnerRow> rows = new HashMap<>();
        jdbc.sql(standing(filter.asOf()) + ROW_COLUMNS + FROM + " where p.id in (:ids)")
                .param("asOf", filter.asOf())
                .param("ids", pageIds)
                .query(DirectoryQueries::row)
                .list()
                .forEach(row -> rows.put(row.id(), row));
        return pageIds.stream().map(rows::get).filter(Objects::nonNull).toList();
    }

    public int count(DirectoryFilter filter) {
        if (isOfficialToday(filter)) {
            return lastNumber(0) + lastNumber(1);
        }
        return orderedPartners(filter, List.of()).length;
    }

    /**
     * The partners a filter selects, in the order asked for, as ids only: read once per filter, order and
     * registry version, and shared by every visitor. The grid's count and every page it then asks for,
     * however deep, are an array lookup and one fetch of a page of rows by id, never an OFFSET over the rows
     * before them (decision record 0008).
     */
    private long[] orderedPartners(DirectoryFilter filter, List<DirectorySort> sort) {
        return orderedPartners.get(List.of(filter, List.copyOf(sort)), registryVersion(), () -> {
            Query query = query(filter);
            return jdbc.sql(standing(filter.asOf()) + "select p.id " + FROM + query.where + " order by " + orderBy(sort))
                    .params(query.params)
                    .query(Long.class)
                    .list()
                    .stream().mapToLong(Long::longValue).toArray();
        });
    }

    /**
     * A summary of a filter's rows (GROUP BY over all of them: seconds at a million partners), read once per
     * filter and registry version and shared by every visitor, as every visitor's page shows some.
     */
    @SuppressWarnings("unchecked")
    private <T> T summary(String what, Object query, Supplier<T> read) {
        return (T) summaries.get(List.of(what, query), registryVersion(), read::get);
    }

    /** Every matching row in the official order, handed over one at a time as the database sends them. */
    public void forEach(DirectoryFilter filter, Consumer<PartnerRow> action) {
        Query query = query(filter);
        try (var rows = jdbc.sql(standing(filter.asOf()) + ROW_COLUMNS + FROM + query.where + " order by " + OFFICIAL_ORDER)
                .params(query.params)
                .query(DirectoryQueries::row)
                .stream()) {
            rows.forEach(action);
        }
    }

    public ListTotals totals(DirectoryFilter filter) {
        return summary("totals", filter, () -> readTotals(filter));
    }

    private ListTotals readTotals(DirectoryFilter filter) {
        Query query = query(filter);
        return jdbc.sql(standing(filter.asOf()) + """
                        select count(*) filter (where l.kind = 'SISTER_CITY') as sister,
                               count(*) filter (where l.kind = 'FRIENDLY_EXCHANGE') as exchange,
                               count(distinct c.iso2) as countries
                        """ + FROM + query.where)
                .params(query.params)
                .query((rs, i) -> new ListTotals(filter.asOf(), rs.getInt("sister"), rs.getInt("exchange"),
                        rs.getInt("countries")))
                .single();
    }

    /** Per-year, per-continent and top-country counts of the rows a filter selects (GROUP BY in SQL). */
    public Statistics statistics(DirectoryFilter filter, int topCountries) {
        return summary("statistics", List.of(filter, topCountries), () -> readStatistics(filter, topCountries));
    }

    private Statistics readStatistics(DirectoryFilter filter, int topCountries) {
        Query query = query(filter);
        List<Statistics.YearCount> perYear = jdbc.sql(standing(filter.asOf()) + """
                        select extract(year from l.signed_on)::int as year,
                               count(*) filter (where l.kind = 'SISTER_CITY') as sister,
                               count(*) filter (where l.kind = 'FRIENDLY_EXCHANGE') as exchange
                        """ + FROM + query.where + " group by 1 order by 1")
                .params(query.params)
                .query((rs, i) -> new Statistics.YearCount(rs.getInt("year"), rs.getInt("sister"), rs.getInt("exchange")))
                .list();
        List<Statistics.ContinentCount> perContinent = jdbc.sql(standing(filter.asOf()) + "select c.continent, count(*) as partners "
                        + FROM + query.where + " group by c.continent order by partners desc, c.continent")
                .params(query.params)
                .query((rs, i) -> new Statistics.ContinentCount(Continent.valueOf(rs.getString("continent")),
                        rs.getInt("partners")))
                .list();
        List<Statistics.CountryCount> countries = jdbc.sql(standing(filter.asOf())
                        + "select c.iso2, c.name_zh, c.name_en, count(*) as partners " + FROM + query.where
                        + " group by c.iso2, c.name_zh, c.name_en order by partners desc, c.iso2 limit :top")
                .params(query.params)
                .param("top", topCountries)
                .query((rs, i) -> new Statistics.CountryCount(rs.getString("iso2"), rs.getString("name_zh"),
                        rs.getString("name_en"), rs.getInt("partners")))
                .list();
        // Shared by every visitor (see summary): nobody may change what another is shown.
        return new Statistics(List.copyOf(perYear), List.copyOf(perContinent), List.copyOf(countries));
    }

    /** The partners a filter selects with coordinates, as one point per country (GROUP BY in SQL). */
    public List<CountryPoint> countryPoints(DirectoryFilter filter) {
        return summary("countryPoints", filter, () -> readCountryPoints(filter));
    }

    private List<CountryPoint> readCountryPoints(DirectoryFilter filter) {
        Query query = query(filter);
        List<CountryPoint> points = jdbc.sql(standing(filter.asOf()) + """
                        select c.iso2, c.name_zh, c.name_en, count(*) as partners, avg(p.latitude) as latitude,
                               -- A mean around the circle: Fiji's or Russia's partners on both sides of 180°
                               -- average near 180°, not near 0°.
                               degrees(atan2(avg(sin(radians(p.longitude))), avg(cos(radians(p.longitude))))) as longitude
                        """ + FROM + (query.where.isEmpty() ? " where " : query.where + " and ")
                        + "p.latitude is not null group by c.iso2, c.name_zh, c.name_en order by partners desc, c.iso2")
                .params(query.params)
                .query((rs, i) -> new CountryPoint(rs.getString("iso2"), rs.getString("name_zh"),
                        rs.getString("name_en"), rs.getInt("partners"), rs.getDouble("latitude"), rs.getDouble("longitude")))
                .list();
        return List.copyOf(points);
    }

    /**
     * The countries that have partners, by ISO code: one list shared by every visitor's country filter, read
     * again only after the registry changed (a list per visitor would be most of a directory UI's memory).
     */
    public List<CountryOption> countries() {
        long version = registryVersion();
        Countries known = countries;
        if (known != null && known.version() == version) {
            return known.options();
        }
        List<CountryOption> options = jdbc.sql("""
                        select c.iso2, c.name_zh, c.name_en, c.continent from country c
                        where exists (select 1 from partner p where p.country_iso2 = c.iso2)
                        order by c.iso2
                        """)
                .query((rs, i) -> new CountryOption(rs.getString("iso2"), rs.getString("name_zh"),
                        rs.getString("name_en"), Continent.valueOf(rs.getString("continent"))))
                .list();
        countries = new Countries(version, List.copyOf(options));
        return countries.options();
    }

    private record Countries(long version, List<CountryOption> options) {
    }

    /**
     * The registry's version: counted up in the same transaction as every change of partners, agreements,
     * their history or countries (V6), so that a version is never seen before the data it stands for.
     */
    private long registryVersion() {
        return jdbc.sql("select version from registry_version").query(Long.class).single();
    }

    /** When the registry last changed (its latest audit revision), for caching downloads. */
    public DataVersion dataVersion() {
        return jdbc.sql("select id, created_at from revision order by id desc limit 1")
                .query((rs, i) -> new DataVersion(rs.getLong("id"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional()
                .orElse(new DataVersion(0, Instant.EPOCH));
    }

    public record DataVersion(long revision, Instant changedAt) {
    }

    /** A partner with every agreement and its status history, and where it stood on the date. */
    public Optional<PartnerDetails> partner(long id, LocalDate asOf) {
        Optional<PartnerRow> standing = jdbc.sql(standing(asOf) + ROW_COLUMNS + FROM + " where p.id = :id")
                .param("asOf", asOf)
                .param("id", id)
                .query(DirectoryQueries::row)
                .optional();
        return jdbc.sql("""
                        select p.id, p.name_zh, p.name_en, c.iso2, c.name_zh as country_zh, c.name_en as country_en,
                               c.continent, p.admin_level, p.latitude, p.longitude, p.coordinate_source
                        from partner p join country c on c.iso2 = p.country_iso2
                        where p.id = :id
                        """)
                .param("id", id)
                .query((rs, i) -> new PartnerDetails(rs.getLong("id"), rs.getString("name_zh"),
                        rs.getString("name_en"), rs.getString("iso2"), rs.getString("country_zh"),
                        rs.getString("country_en"), Continent.valueOf(rs.getString("continent")),
                        AdminLevel.valueOf(rs.getString("admin_level")), rs.getObject("latitude", Double.class),
                        rs.getObject("longitude", Double.class), rs.getString("coordinate_source"),
                        standing.orElse(null), agreements(id)))
                .optional();
    }

    /** What the public page shows of a partner's agreements: never an internal note. */
    private List<PartnerDetails.AgreementDetails> agreements(long partnerId) {
        Map<Long, List<PartnerDetails.StatusStep>> history = new HashMap<>();
        jdbc.sql("""
                        select sc.agreement_id, sc.status, sc.effective_on, sc.reason
                        from agreement_status_change sc join agreement a on a.id = sc.agreement_id
                        where a.partner_id = :id
                        order by sc.effective_on, sc.id
                        """)
                .param("id", partnerId)
                .query(rs -> {
                    history.computeIfAbsent(rs.getLong("agreement_id"), k -> new ArrayList<>())
                            .add(new PartnerDetails.StatusStep(AgreementStatus.valueOf(rs.getString("status")),
                                    rs.getObject("effective_on", LocalDate.class), rs.getString("reason")));
                });
        return jdbc.sql("""
                        select id, kind, signed_on, place_signed, source, status
                        from agreement where partner_id = :id order by signed_on, id
                        """)
                .param("id", partnerId)
                .query((rs, i) -> new PartnerDetails.AgreementDetails(rs.getLong("id"),
                        AgreementKind.valueOf(rs.getString("kind")), rs.getObject("signed_on", LocalDate.class),
                        rs.getString("place_signed"), rs.getString("source"),
                        AgreementStatus.valueOf(rs.getString("status")),
                        List.copyOf(history.getOrDefault(rs.getLong("id"), List.of()))))
                .list();
    }

    private String standing(LocalDate asOf) {
        return asOf.equals(today()) ? STANDING_TODAY : STANDING_ON_A_DATE;
    }

    private boolean isOfficialToday(DirectoryFilter filter) {
        return filter.equals(DirectoryFilter.official(today()));
    }

    /** The highest 序 of a list today, which is its length: one index seek. */
    private int lastNumber(int listRank) {
        return jdbc.sql("select coalesce(max(seq), 0) from partner_standing where status = 'ACTIVE' and list_rank = :rank")
                .param("rank", listRank)
                .query(Integer.class)
                .single();
    }

    private static String orderBy(List<DirectorySort> sort) {
        StringBuilder order = new StringBuilder();
        for (DirectorySort criterion : sort) {
            order.append(criterion.key().sql).append(criterion.descending() ? " desc nulls last, " : " asc nulls last, ");
        }
        return order.append(OFFICIAL_ORDER).toString();
    }

    /** A row of {@link #ROW_COLUMNS}, read by position: by name, the driver's lookup was a quarter of an export. */
    private static PartnerRow row(ResultSet rs, int rowNum) throws SQLException {
        return new PartnerRow(
                rs.getLong(1),
                PartnerList.of(AgreementKind.valueOf(rs.getString(2))),
                rs.getObject(3, Integer.class),
                rs.getString(4),
                rs.getString(5),
                // A few hundred country names repeat across every row a grid holds: one copy of each.
                shared(rs.getString(6)),
                shared(rs.getString(7)),
                shared(rs.getString(8)),
                Continent.valueOf(rs.getString(9)),
                AdminLevel.valueOf(rs.getString(10)),
                rs.getObject(11, LocalDate.class),
                AgreementStatus.valueOf(rs.getString(12)),
                rs.getObject(13, Double.class),
                rs.getObject(14, Double.class));
    }

    /** Country codes and names: as many as there are countries. */
    private static final Map<String, String> COUNTRY_TEXTS = new ConcurrentHashMap<>();

    private static String shared(String text) {
        String known = COUNTRY_TEXTS.get(text);
        if (known != null) {
            return known;
        }
        known = COUNTRY_TEXTS.putIfAbsent(text, text);
        return known == null ? text : known;
    }

    /**
     * The filter as SQL. A text search is split so that each part can use an index: the countries it names
     * are looked up first, in their small table, and become a list of codes; the partners' own names are
     * found through the index of their pieces (V4__text_search_indexes.sql). PostgreSQL then ORs the two
     * indexes' matches instead of scanning every partner.
     */
    private Query query(DirectoryFilter filter) {
        List<String> textCountries = filter.text() == null ? List.of() : jdbc.sql("""
                        select iso2 from country where name_zh ilike :text or name_en ilike :text
                        """)
                .param("text", Like.containing(filter.text()))
                .query(String.class)
                .list();
        return new Query(filter, textCountries);
    }

    /** The where clause and parameters of a filter; values are always bound, never spliced into the SQL. */
    private static final class Query {
        final Map<String, Object> params = new LinkedHashMap<>();
        final String where;

        Query(DirectoryFilter filter, List<String> textCountries) {
            List<String> conditions = new ArrayList<>();
            params.put("asOf", filter.asOf());
            if (filter.text() != null) {
                params.put("text", Like.containing(filter.text()));
                params.put("term", filter.text());
                // Two conditions with the same matches: the first finds candidates by index (a name has every
                // piece of a search it contains, V4__text_search_indexes.sql), the second checks each
                // candidate cheaply. Kept apart, so that PostgreSQL never computes a name's pieces per row.
                String countries = "";
                if (!textCountries.isEmpty()) {
                    params.put("textCountries", textCountries);
                    countries = " or p.country_iso2 in (:textCountries)";
                }
                conditions.add("(partner_name_pieces(p.name_zh, p.name_en) @> search_pieces(cast(:term as text))"
                        + countries + ")");
                conditions.add("(p.name_zh ilike :text or p.name_en ilike :text" + countries + ")");
            }
            if (filter.list() != null) {
                params.put("kind", filter.list().kind().name());
                conditions.add("l.kind = :kind");
            }
            if (!filter.countries().isEmpty()) {
                params.put("countries", List.copyOf(filter.countries()));
                conditions.add("c.iso2 in (:countries)");
            }
            if (!filter.continents().isEmpty()) {
                params.put("continents", filter.continents().stream().map(Enum::name).toList());
                conditions.add("c.continent in (:continents)");
            }
            if (filter.fromYear() != null) {
                params.put("fromYear", filter.fromYear());
                conditions.add("l.signed_on >= make_date(:fromYear, 1, 1)");
            }
            if (filter.toYear() != null) {
                params.put("toYear", filter.toYear());
                conditions.add("l.signed_on < make_date(:toYear + 1, 1, 1)");
            }
            if (filter.status() != null) {
                params.put("status", filter.status().name());
                conditions.add("l.status = :status");
            }
            where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }
    }
}
