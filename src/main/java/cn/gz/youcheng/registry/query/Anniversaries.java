package cn.gz.youcheng.registry.query;

import cn.gz.youcheng.registry.AgreementKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Round anniversaries (5, 10, 15, 20 … years) of the active agreements: what the office plans celebrations,
 * visits and messages around. A 29 February agreement has its anniversary on 28 February in other years.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("permitAll()")
public class Anniversaries {

    /** Years between round anniversaries. */
    public static final int ROUND = 5;
    /** The most anniversaries a page or calendar lists: a real registry has a few dozen a year. */
    public static final int MOST = 2_000;

    /**
     * An agreement's round anniversary: the partner, the agreement (its place signed and source are public, as
     * on the partner page), how many years, and the day.
     */
    public record Anniversary(long partnerId, String nameZh, String nameEn, String countryZh, String countryEn,
            long agreementId, AgreementKind kind, LocalDate signedOn, @Nullable String placeSigned,
            @Nullable String source, int years, LocalDate on) {
    }

    private final JdbcClient jdbc;

    Anniversaries(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The round anniversaries of today's active agreements from {@code from} for twelve months, soonest first. */
    public List<Anniversary> nextTwelveMonths(LocalDate from) {
        return between(from, from.plusYears(1));
    }

    /** The round anniversaries on {@code from} or later and before {@code until}, at most {@link #MOST}. */
    public List<Anniversary> between(LocalDate from, LocalDate until) {
        return read(from, until, null, MOST);
    }

    /** A partner's next round anniversary on {@code from} or later, if it has an agreement in force. */
    public Optional<Anniversary> nextOf(long partnerId, LocalDate from) {
        return read(from, from.plusYears(ROUND), partnerId, 1).stream().findFirst();
    }

    private List<Anniversary> read(LocalDate from, LocalDate until, @Nullable Long partnerId, int most) {
        return jdbc.sql("""
                        select p.id as partner_id, p.name_zh, p.name_en, c.name_zh as country_zh, c.name_en as country_en,
                               a.id as agreement_id, a.kind, a.signed_on, a.place_signed, a.source, y.years,
                               (a.signed_on + make_interval(years => y.years))::date as on_day
                        from agreement a
                        join partner p on p.id = a.partner_id
                        join country c on c.iso2 = p.country_iso2
                        cross join lateral (
                            select extract(year from cast(:from as date))::int - extract(year from a.signed_on)::int + k
                                       as years
                            from generate_series(0, extract(year from cast(:until as date))::int
                                                    - extract(year from cast(:from as date))::int) k) y
                        where a.status = 'ACTIVE' and y.years > 0 and y.years % :round = 0
                          and (cast(:partner as bigint) is null or a.partner_id = :partner)
                          and (a.signed_on + make_interval(years => y.years))::date >= :from
                          and (a.signed_on + make_interval(years => y.years))::date < :until
                        order by on_day, p.id, a.id
                        limit :most
                        """)
                .param("from", from)
                .param("until", until)
                .param("round", ROUND)
                .param("partner", partnerId)
                .param("most", most)
                .query((rs, i) -> new Anniversary(rs.getLong("partner_id"), rs.getString("name_zh"), rs.getString("name_en"),
                        rs.getString("country_zh"), rs.getString("country_en"), rs.getLong("agreement_id"),
                        AgreementKind.valueOf(rs.getString("kind")), rs.getObject("signed_on", LocalDate.class),
                        rs.getString("place_signed"), rs.getString("source"), rs.getInt("years"),
                        rs.getObject("on_day", LocalDate.class)))
                .list();
    }
}
