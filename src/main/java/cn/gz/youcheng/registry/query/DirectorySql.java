package cn.gz.youcheng.registry.query;

import cn.gz.youcheng.base.db.Like;
import cn.gz.youcheng.registry.AdminLevel;
import cn.gz.youcheng.registry.AgreementKind;
import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.Continent;
import cn.gz.youcheng.registry.PartnerList;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;

/**
 * Every statement of the directory's read model, built in one place from a typed filter (decision record
 * 0012). Values are always bound as parameters, never spliced into the SQL; the only SQL that varies is
 * chosen here from fixed fragments: which standings (kept for today, derived for another date), which
 * conditions a filter has, and which columns a sort names.
 */
final class DirectorySql {

    /** A statement and its parameters, ready for {@code JdbcClient}. */
    record Statement(String sql, Map<String, Object> params) {
    }

    /**
     * Today's standings, kept by the database on every write (V3__current_standing.sql): status and signing
     * dates are never in the future, so today is the latest state. An active one has its position within
     * its signing day; its 序 is that plus the count of earlier days ({@link ListNumbers}, V12).
     */
    private static final String STANDING_TODAY = """
            with numbered as (
                select partner_id, kind, signed_on, status, seq_in_day, null::integer as seq, list_rank,
                       country_iso2, continent, name_zh, name_en_key, country_zh, country_en_key, admin_level
                from partner_standing
            )
            """;

    /**
     * Today's standings with 序 counted in the statement, for a sort by it: a window over every standing
     * (seconds at a million), so only where an ordering by number is asked for, and then remembered.
     */
    private static final String STANDING_TODAY_NUMBERED = """
            with numbered as (
                select partner_id, kind, signed_on, status, seq_in_day, list_rank,
                       country_iso2, continent, name_zh, name_en_key, country_zh, country_en_key, admin_level,
                       case when status = 'ACTIVE' then (row_number() over (
                           partition by list_rank, status = 'ACTIVE' order by signed_on, partner_id))::integer end as seq
                from partner_standing
            )
            """;

    /**
     * Standings on another date: the periods kept from the status history by the one definition of a
     * standing (V11 and V13 state it, V15 keeps its answers as periods) that hold on the date. Unnumbered:
     * an ordering, a count or a page's rows need no number, and a page numbers its rows from the date's
     * official order ({@link PartnerRows}).
     */
    private static final String STANDING_ON_A_DATE = """
            with numbered as (
                select partner_id, kind, signed_on, status, null::integer as seq_in_day, null::integer as seq, list_rank
                from standing_period
                -- Signed by then, as the standing's agreement always is: the bound of an index range.
                where signed_on <= :asOf and valid_from <= :asOf and :asOf < valid_until
            )
            """;

    /**
     * The same, numbered (a window over every standing of the date), for what shows or sorts by the numbers
     * of many rows: a download, a sort by 序. Filters apply after numbering, so a filtered row keeps its
     * official number.
     */
    private static final String STANDING_ON_A_DATE_NUMBERED = """
            with numbered as (
                select partner_id, kind, signed_on, status, null::integer as seq_in_day, seq, list_rank
                from partner_standing_on(:asOf)
            )
            """;

    private static final String FROM = """
            from numbered l
            join partner p on p.id = l.partner_id
            join country c on c.iso2 = p.country_iso2
            """;

    /**
     * Today's standings alone, for an ordering that needs nothing else: they carry their partner's country,
     * continent and sort keys (V14), so a filter without a text search reads one table.
     */
    private static final String FROM_KEPT = " from numbered l ";

    /** Read by position in {@link #rows}: keep the order. */
    private static final String ROW_COLUMNS = """
            select p.id, l.kind, l.seq_in_day, l.seq, p.name_zh, p.name_en, c.iso2, c.name_zh as country_zh,
                   c.name_en as country_en, c.continent, p.admin_level, l.signed_on, l.status, p.latitude, p.longitude,
                   p.geonames_id, p.wikidata_qid
            """;

    /**
     * Sister cities first, each list by its number, then what is not numbered by signing date. 序 counts a
     * list's active standings by signing date and partner id, so this is the order of the numbers without
     * reading them.
     */
    private static final String OFFICIAL_ORDER = "l.list_rank, l.status <> 'ACTIVE', l.signed_on, l.partner_id";

    /** The same where every row is active: the order of the indexes of active standings. */
    private static final String OFFICIAL_ORDER_OF_ACTIVE = "l.list_rank, l.signed_on, l.partner_id";

    private final String standing;
    private final String where;
    private final Map<String, Object> params;
    /**
     * Whether the conditions name the partner or its country (a text search; on another date, a country or
     * continent): only then must an ordering join them.
     */
    private final boolean namesPartner;
    private final String officialOrder;

    private DirectorySql(String standing, String where, Map<String, Object> params, boolean namesPartner,
            String officialOrder) {
        this.standing = standing;
        this.where = where;
        this.params = params;
        this.namesPartner = namesPartner;
        this.officialOrder = officialOrder;
    }

    /**
     * The filter's statements. A text search is split so that each part can use an index: the countries it
     * names ({@code textCountries}, looked up first in their small table by {@link #countriesNamed}) become a
     * list of codes; the partners' own names are found through the index of their pieces
     * (V4__text_search_indexes.sql). PostgreSQL then ORs the two indexes' matches instead of scanning every
     * partner.
     */
    static DirectorySql of(DirectoryFilter filter, LocalDate today, List<String> textCountries) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        params.put("asOf", filter.asOf());
        // Today's standings carry their partner's country and continent; another date's come from the
        // partner and country tables.
        boolean kept = filter.asOf().equals(today);
        if (filter.text() != null) {
            params.put("text", Like.containing(filter.text()));
            params.put("term", filter.text());
            // Two conditions with the same matches: the first finds candidates by index (a name has every
            // piece of a search it contains), the second checks each candidate cheaply. Kept apart, so that
            // PostgreSQL never computes a name's pieces per row.
            String countries = "";
            if (!textCountries.isEmpty()) {
                params.put("textCountries", List.copyOf(textCountries));
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
            conditions.add((kept ? "l.country_iso2" : "c.iso2") + " in (:countries)");
        }
        if (!filter.continents().isEmpty()) {
            params.put("continents", filter.continents().stream().map(Enum::name).sorted().toList());
            conditions.add((kept ? "l.continent" : "c.continent") + " in (:continents)");
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
        if (filter.exchangedSince() != null) {
            // Along the index of each partner's exchanges by day (V20): one probe per candidate.
            params.put("exchangedSince", filter.exchangedSince());
            conditions.add("exists (select 1 from exchange e where e.partner_id = l.partner_id and e.published"
                    + " and e.starts_on >= make_date(:exchangedSince, 1, 1))");
        }
        return new DirectorySql(standing(filter.asOf(), today),
                conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params,
                filter.text() != null || !kept && (!filter.countries().isEmpty() || !filter.continents().isEmpty()),
                filter.status() == AgreementStatus.ACTIVE ? OFFICIAL_ORDER_OF_ACTIVE : OFFICIAL_ORDER);
    }

    /** The countries whose Chinese or English name contains a search text. */
    static Statement countriesNamed(String text) {
        return new Statement("select iso2 from country where name_zh ilike :text or name_en ilike :text",
                Map.of("text", Like.containing(text)));
    }

    /**
     * The ids of the rows, in the order asked for (the official order breaks every tie), as one value that
     * {@link #ids} reads.
     */
    Statement orderedIds(List<DirectorySort> sort) {
        boolean today = standing.equals(STANDING_TODAY);
        StringBuilder order = new StringBuilder();
        for (DirectorySort criterion : sort) {
            String kept = today ? keptSortColumn(criterion.key()) : null;
            order.append(kept != null ? "l." + kept : column(criterion.key()))
                    .append(criterion.descending() ? " desc nulls last, " : " asc nulls last, ");
        }
        order.append(officialOrder);
        boolean byNumber = sort.stream().anyMatch(criterion -> criterion.key() == DirectorySort.Key.SEQ);
        String standings = !byNumber ? standing : today ? STANDING_TODAY_NUMBERED : STANDING_ON_A_DATE_NUMBERED;
        // Today's standings carry every sort key; another date's only their own columns.
        boolean joins = namesPartner || !today && sort.stream().anyMatch(criterion -> switch (criterion.key()) {
            case LIST, SEQ, SIGNED_ON, STATUS -> false;
            default -> true;
        });
        // One value, the ids as 8-byte big-endian numbers in order: hundreds of thousands of ids arrive in a
        // fraction of the time a row each takes (ids(byte[]) reads them).
        return statement(standings + "select coalesce(string_agg(int8send(l.partner_id), ''::bytea order by " + order
                + "), ''::bytea) "
                + (joins ? FROM : FROM_KEPT) + where);
    }

    /** Every row, in the official order. */
    Statement rows() {
        // Another date's rows carry their numbers; today's are numbered as they are read (ListNumbers).
        return statement((standing.equals(STANDING_TODAY) ? STANDING_TODAY : STANDING_ON_A_DATE_NUMBERED)
                + ROW_COLUMNS + FROM + where + " order by " + officialOrder);
    }

    /** The rows of these partners today, in no particular order. */
    static Statement rowsOfToday(List<Long> partnerIds) {
        return new Statement(STANDING_TODAY + ROW_COLUMNS + FROM + " where p.id in (:ids)", Map.of("ids", partnerIds));
    }

    /**
     * The rows of these partners on an earlier date, from their periods (V15), without their numbers:
     * 序 counts every partner of a list on that date, which the read model has in that date's official order.
     */
    static Statement rowsOfOnDate(List<Long> partnerIds, LocalDate asOf) {
        return new Statement("""
                with numbered as (
                    select partner_id, kind, signed_on, status, null::integer as seq_in_day, null::integer as seq, list_rank
                    from standing_period
                    where partner_id in (:ids) and valid_from <= :asOf and :asOf < valid_until
                )
                """ + ROW_COLUMNS + FROM, Map.of("asOf", asOf, "ids", partnerIds));
    }

    /**
     * How many active standings each list had on an earlier date per signing month, for {@link ListNumbers}
     * (V16): the counts kept at the nearest year end, with the periods that started or ended between it and
     * the date added or taken away; without a year end, every period up to the date.
     */
    static Statement monthCountsOn(LocalDate asOf) {
        return new Statement("""
                with base as (
                    select coalesce((select year_end from standing_year_end
                                     order by abs(year_end - cast(:asOf as date)), year_end limit 1),
                                    '-infinity'::date) as year_end
                ),
                -- Changes after the earlier of the two and up to the later: counted on the date if by then.
                between_them as (
                    select least(year_end, cast(:asOf as date)) as after, greatest(year_end, cast(:asOf as date)) as up_to
                    from base
                )
                select list_rank, signed_month, sum(active)::int from (
                    select list_rank, signed_month, active from standing_month_count
                    where year_end = (select year_end from base)
                    union all
                    select list_rank, date_trunc('month', signed_on::timestamp)::date,
                           case when valid_from <= :asOf then 1 else -1 end
                    from standing_period, between_them
                    where status = 'ACTIVE' and valid_from > after and valid_from <= up_to
                    union all
                    select list_rank, date_trunc('month', signed_on::timestamp)::date,
                           case when valid_until <= :asOf then -1 else 1 end
                    from standing_period, between_them
                    where status = 'ACTIVE' and valid_until <> 'infinity' and valid_until > after and valid_until <= up_to
                ) counts
                group by 1, 2
                having sum(active) <> 0
                order by 1, 2
                """, Map.of("asOf", asOf));
    }

    Statement totals() {
        return statement(standing + """
                select count(*) filter (where l.kind = 'SISTER_CITY') as sister,
                       count(*) filter (where l.kind = 'FRIENDLY_EXCHANGE') as exchange,
                       count(distinct c.iso2) as countries
                """ + FROM + where);
    }

    Statement perYear() {
        return statement(standing + """
                select extract(year from l.signed_on)::int as year,
                       count(*) filter (where l.kind = 'SISTER_CITY') as sister,
                       count(*) filter (where l.kind = 'FRIENDLY_EXCHANGE') as exchange
                """ + FROM + where + " group by 1 order by 1");
    }

    Statement perContinent() {
        return statement(standing + "select c.continent, count(*) as partners " + FROM + where
                + " group by c.continent order by partners desc, c.continent");
    }

    Statement topCountries(int top) {
        Statement statement = statement(standing + "select c.iso2, c.name_zh, c.name_en, count(*) as partners " + FROM
                + where + " group by c.iso2, c.name_zh, c.name_en order by partners desc, c.iso2 limit :top");
        statement.params().put("top", top);
        return statement;
    }

    /** The selection's partners, for the exchanges of those partners. */
    private String selectedPartners() {
        return "e.partner_id in (select l.partner_id " + FROM + where + ")";
    }

    Statement exchangesPerYearByKind() {
        return statement(standing + "select extract(year from e.starts_on)::int as year, e.kind as code, count(*) as exchanges"
                + " from exchange e where e.published and " + selectedPartners() + " group by 1, 2 order by 1, 2");
    }

    Statement exchangesPerYearByTheme() {
        return statement(standing + "select extract(year from e.starts_on)::int as year, t.code, count(*) as exchanges"
                + " from exchange e cross join lateral unnest(string_to_array(e.themes, ' ')) t(code)"
                + " where e.published and " + selectedPartners() + " group by 1, 2 order by 1, 2");
    }

    Statement mostActivePartners(int top) {
        Statement statement = statement(standing + """
                select x.partner_id, p.name_zh, p.name_en, c.name_zh as country_zh, c.name_en as country_en, x.exchanges
                from (select e.partner_id, count(*) as exchanges from exchange e
                      where e.published and """ + " " + selectedPartners() + """
                       group by e.partner_id order by exchanges desc, e.partner_id limit :top) x
                join partner p on p.id = x.partner_id
                join country c on c.iso2 = p.country_iso2
                order by x.exchanges desc, x.partner_id
                """);
        statement.params().put("top", top);
        return statement;
    }

    Statement countryPoints() {
        return statement(standing + """
                select c.iso2, c.name_zh, c.name_en, count(*) as partners, avg(p.latitude) as latitude,
                       -- A mean around the circle: Fiji's or Russia's partners on both sides of 180°
                       -- average near 180°, not near 0°.
                       degrees(atan2(avg(sin(radians(p.longitude))), avg(cos(radians(p.longitude))))) as longitude
                """ + FROM + (where.isEmpty() ? " where " : where + " and ")
                + "p.latitude is not null group by c.iso2, c.name_zh, c.name_en order by partners desc, c.iso2");
    }

    /**
     * Up to {@code limit} standings of an official list today, in its order, from the standing at a place
     * (a signing day and a position within it, found by {@link ListNumbers#place}): one index range, however
     * deep, never an OFFSET over the rows before it.
     */
    static Statement officialPage(PartnerList list, ListNumbers.Place from, int limit) {
        // The range is taken before the join: a plan prepared for any place (the driver's, after a few
        // runs) otherwise joined thousands of rows in parallel to keep fifty.
        return new Statement("""
                with numbered as (
                    select partner_id, kind, signed_on, status, seq_in_day, null::integer as seq, list_rank
                    from partner_standing
                    where status = 'ACTIVE' and list_rank = :rank
                      -- The day alone too: PostgreSQL estimates a range of days, not one of (day, position)
                      -- pairs, and without it sorted a whole busy day from another index.
                      and signed_on >= :day and (signed_on, seq_in_day) >= (:day, :position)
                    order by signed_on, seq_in_day
                    limit :limit
                )
                """ + ROW_COLUMNS + FROM + " order by l.signed_on, l.seq_in_day", Map.of("rank", ListNumbers.rank(list),
                "day", from.signedOn(), "position", from.positionInDay(), "limit", limit));
    }

    /**
     * Up to {@code limit} standings of an official list on an earlier date, in its order, from a place found
     * by that date's {@link ListNumbers} (a signing month and a position within it): the index range of the
     * list's active periods from that month, passing only the month's earlier standings of the date. The rows
     * come without their numbers, which follow from the place.
     */
    static Statement officialPageOn(PartnerList list, LocalDate asOf, ListNumbers.Place from, int limit) {
        return new Statement("""
                with numbered as (
                    select partner_id, kind, signed_on, status, null::integer as seq_in_day, null::integer as seq, list_rank
                    from standing_period
                    where status = 'ACTIVE' and list_rank = :rank and signed_on >= :month and signed_on <= :asOf
                      and valid_from <= :asOf and :asOf < valid_until
                    order by signed_on, partner_id
                    offset :skip limit :limit
                )
                """ + ROW_COLUMNS + FROM + " order by l.signed_on, l.partner_id", Map.of("rank", ListNumbers.rank(list),
                "month", from.signedOn(), "asOf", asOf, "skip", from.positionInDay() - 1, "limit", limit));
    }

    /**
     * The column of today's standings that a sort of the official lists reads along its own index (V14), or
     * null for a sort that the numbers decide ({@link NumberedOrders}). The same orders as {@link #column},
     * from copies kept beside each standing.
     */
    static @Nullable String keptSortColumn(DirectorySort.Key key) {
        return switch (key) {
            case NAME_ZH -> "name_zh";
            case NAME_EN -> "name_en_key";
            case COUNTRY_ZH -> "country_zh";
            case COUNTRY_EN -> "country_en_key";
            case CONTINENT -> "continent";
            case ADMIN_LEVEL -> "admin_level";
            case LIST, SEQ, STATUS, SIGNED_ON -> null;
        };
    }

    /**
     * The ids of {@code limit} rows of today's official lists in a sort by one column, from {@code offset}:
     * along the sort's index (V14), an index-only range however deep. From the end, the offset counts from
     * the last row and the ids come last first, so that no read passes more than half the rows.
     */
    static Statement officialIdsSorted(DirectorySort sort, boolean fromEnd, int offset, int limit) {
        String column = keptSortColumn(sort.key());
        if (column == null) {
            throw new IllegalArgumentException(sort + " has no index of its own: its numbers decide it");
        }
        // The index's order: the column, then the official order.
        List<String> order = new ArrayList<>();
        order.add(column + (sort.descending() != fromEnd ? " desc" : ""));
        for (String tie : List.of("list_rank", "signed_on", "partner_id")) {
            order.add(tie + (fromEnd ? " desc" : ""));
        }
        return new Statement("select partner_id from partner_standing where status = 'ACTIVE' order by "
                + String.join(", ", order) + " offset :offset limit :limit",
                Map.of("offset", offset, "limit", limit));
    }

    /** How many active standings each list has per signing day today, for {@link ListNumbers}. */
    static final String DAY_COUNTS = "select list_rank, signed_on, active from standing_day_count order by list_rank, signed_on";

    /** The registry's version: counted up in the same transaction as every change (V6). */
    static final String REGISTRY_VERSION = "select version from registry_version";

    /** The countries that have partners, by ISO code. */
    static final String COUNTRIES_WITH_PARTNERS = """
            select c.iso2, c.name_zh, c.name_en, c.continent from country c
            where exists (select 1 from partner p where p.country_iso2 = c.iso2)
            order by c.iso2
            """;

    private Statement statement(String sql) {
        return new Statement(sql, new LinkedHashMap<>(params));
    }

    private static String standing(LocalDate asOf, LocalDate today) {
        return asOf.equals(today) ? STANDING_TODAY : STANDING_ON_A_DATE;
    }

    private static String column(DirectorySort.Key key) {
        return switch (key) {
            case LIST -> "l.list_rank";
            case SEQ -> "l.seq";
            case NAME_ZH -> "p.name_zh";
            case NAME_EN -> "lower(p.name_en)";
            case COUNTRY_ZH -> "c.name_zh";
            case COUNTRY_EN -> "lower(c.name_en)";
            case CONTINENT -> "c.continent";
            case ADMIN_LEVEL -> "p.admin_level";
            case SIGNED_ON -> "l.signed_on";
            case STATUS -> "l.status";
        };
    }

    /**
     * Rows of {@link #ROW_COLUMNS}, read by position (by name, the driver's lookup was a quarter of an
     * export). A standing on another date comes with its 序; today's comes with its position within its
     * day, numbered by {@code today}, which statements of today's standings must be given.
     */
    static RowMapper<PartnerRow> rows(@Nullable ListNumbers today) {
        return (rs, rowNum) -> {
            PartnerList list = PartnerList.of(AgreementKind.valueOf(rs.getString(2)));
            Integer positionInDay = rs.getObject(3, Integer.class);
            Integer seq = rs.getObject(4, Integer.class);
            LocalDate signedOn = rs.getObject(12, LocalDate.class);
            if (seq == null && positionInDay != null) {
                if (today == null) {
                    throw new IllegalStateException("today's standings read without today's numbers");
                }
                seq = today.number(list, signedOn, positionInDay);
            }
            return new PartnerRow(
                    rs.getLong(1),
                    list,
                    seq,
                    rs.getString(5),
                    rs.getString(6),
                    // A few hundred country names repeat across every row a grid holds: one copy of each.
                    shared(rs.getString(7)),
                    shared(rs.getString(8)),
                    shared(rs.getString(9)),
                    Continent.valueOf(rs.getString(10)),
                    AdminLevel.valueOf(rs.getString(11)),
                    signedOn,
                    AgreementStatus.valueOf(rs.getString(13)),
                    rs.getObject(14, Double.class),
                    rs.getObject(15, Double.class),
                    rs.getObject(16, Long.class),
                    rs.getString(17));
        };
    }

    /** The ids of {@link #orderedIds}. */
    static long[] ids(byte[] packed) {
        long[] ids = new long[packed.length / Long.BYTES];
        ByteBuffer.wrap(packed).asLongBuffer().get(ids);
        return ids;
    }

    /** Country codes and names: as many as there are countries. */
    private static final Map<String, String> COUNTRY_TEXTS = new ConcurrentHashMap<>();

    private static String shared(String text) {
        // A read first: most calls find the text, and a read takes no lock.
        String known = COUNTRY_TEXTS.get(text);
        if (known != null) {
            return known;
        }
        known = COUNTRY_TEXTS.putIfAbsent(text, text);
        return known == null ? text : known;
    }
}
