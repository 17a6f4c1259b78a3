package cn.gz.youcheng.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only queries behind the public directory: the two lists as they stood on a date, with derived
 * sequence numbers. Lists and sequence numbers are computed in the database from agreements and their
 * status history, so a page of rows never needs the whole table in memory.
 */
@Service
@Transactional(readOnly = true)
public class DirectoryQueries {

    /*
     * A partner is listed on a date when one of its agreements was signed by then and its latest status
     * change by then is ACTIVE. A sister-city agreement places it in the sister list even if an exchange
     * memorandum is still active. Sequence numbers follow signing date within each list, ties by partner id
     * (the order partners were recorded in, which for the seed is the published order).
     */
    private static final String LISTED = """
            with status_then as (
                select distinct on (c.agreement_id) c.agreement_id, c.status
                from agreement_status_change c
                where c.effective_on <= :asOf
                order by c.agreement_id, c.effective_on desc, c.id desc
            ),
            placed as (
                select distinct on (a.partner_id) a.partner_id, a.kind, a.signed_on
                from agreement a
                join status_then s on s.agreement_id = a.id and s.status = 'ACTIVE'
                where a.signed_on <= :asOf
                order by a.partner_id, case a.kind when 'SISTER_CITY' then 0 else 1 end, a.signed_on, a.id
            ),
            listed as (
                select partner_id, kind, signed_on,
                       row_number() over (partition by kind order by signed_on, partner_id) as seq
                from placed
            )
            """;

    private static final String ROW_COLUMNS = """
            select p.id, l.kind, l.seq, p.name_zh, p.name_en, c.iso2, c.name_zh as country_zh,
                   c.name_en as country_en, c.continent, p.admin_level, l.signed_on, p.latitude, p.longitude
            from listed l
            join partner p on p.id = l.partner_id
            join country c on c.iso2 = p.country_iso2
            """;

    private static final String OFFICIAL_ORDER = " order by case l.kind when 'SISTER_CITY' then 0 else 1 end, l.seq";

    private static final RowMapper<PartnerRow> ROW = (rs, i) -> new PartnerRow(
            rs.getLong("id"),
            PartnerList.of(AgreementKind.valueOf(rs.getString("kind"))),
            rs.getInt("seq"),
            rs.getString("name_zh"),
            rs.getString("name_en"),
            rs.getString("iso2"),
            rs.getString("country_zh"),
            rs.getString("country_en"),
            Continent.valueOf(rs.getString("continent")),
            AdminLevel.valueOf(rs.getString("admin_level")),
            rs.getObject("signed_on", LocalDate.class),
            rs.getObject("latitude", Double.class),
            rs.getObject("longitude", Double.class));

    private final JdbcClient jdbc;
    private final Clock clock;

    public DirectoryQueries(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /** Today in Guangzhou: the date the lists are shown for unless another is asked for. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** One page of the lists in the official order: sister cities first, each list by sequence number. */
    public List<PartnerRow> page(LocalDate asOf, int offset, int limit) {
        return jdbc.sql(LISTED + ROW_COLUMNS + OFFICIAL_ORDER + " offset :offset limit :limit")
                .param("asOf", asOf)
                .param("offset", offset)
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    /** Every listed partner in the official order, handed over one at a time. */
    public void forEachListed(LocalDate asOf, Consumer<PartnerRow> action) {
        try (var rows = jdbc.sql(LISTED + ROW_COLUMNS + OFFICIAL_ORDER).param("asOf", asOf).query(ROW).stream()) {
            rows.forEach(action);
        }
    }

    public int count(LocalDate asOf) {
        return jdbc.sql(LISTED + "select count(*) from listed")
                .param("asOf", asOf)
                .query(Integer.class)
                .single();
    }

    public ListTotals totals(LocalDate asOf) {
        return jdbc.sql(LISTED + """
                        select count(*) filter (where l.kind = 'SISTER_CITY') as sister,
                               count(*) filter (where l.kind = 'FRIENDLY_EXCHANGE') as exchange,
                               count(distinct p.country_iso2) as countries
                        from listed l join partner p on p.id = l.partner_id
                        """)
                .param("asOf", asOf)
                .query((rs, i) -> new ListTotals(asOf, rs.getInt("sister"), rs.getInt("exchange"),
                        rs.getInt("countries")))
                .single();
    }
}
