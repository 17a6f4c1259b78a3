package cn.gz.youcheng.registry.query;

import cn.gz.youcheng.registry.ExchangeKind;
import cn.gz.youcheng.registry.ExchangeTheme;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published exchanges: a partner's timeline on its page, and every one for the downloads. An exchange
 * kept in the office (not published) is never read here.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("permitAll()")
public class PublicExchanges {

    /** A published exchange, with its partner's names for a download's row. */
    public record PublicExchange(long id, long partnerId, String partnerZh, String partnerEn, String countryIso2,
            LocalDate startsOn, @Nullable LocalDate endsOn, ExchangeKind kind, Set<ExchangeTheme> themes,
            @Nullable String titleZh, @Nullable String titleEn, @Nullable String summaryZh, @Nullable String summaryEn,
            @Nullable String guangzhouUnit, @Nullable String partnerUnit, @Nullable Integer participants,
            @Nullable String sourceUrl) {
    }

    private static final String COLUMNS = """
            select e.id, e.partner_id, p.name_zh, p.name_en, p.country_iso2, e.starts_on, e.ends_on, e.kind, e.themes,
                   e.title_zh, e.title_en, e.summary_zh, e.summary_en, e.guangzhou_unit, e.partner_unit, e.participants,
                   e.source_url
            from exchange e join partner p on p.id = e.partner_id
            """;

    private static final RowMapper<PublicExchange> ROW = (rs, i) -> new PublicExchange(rs.getLong(1), rs.getLong(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
            rs.getObject(7, LocalDate.class), ExchangeKind.valueOf(rs.getString(8)), ExchangeTheme.of(rs.getString(9)),
            rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
            rs.getObject(16, Integer.class), rs.getString(17));

    private final JdbcClient jdbc;

    PublicExchanges(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** A partner's published exchanges, newest first. */
    public List<PublicExchange> ofPartner(long partnerId) {
        return jdbc.sql(COLUMNS + " where e.partner_id = :id and e.published order by e.starts_on desc, e.id desc")
                .param("id", partnerId).query(ROW).list();
    }

    /** Every published exchange by day, then partner, then id, handed over as the database sends them. */
    public void forEach(Consumer<PublicExchange> action) {
        try (var rows = jdbc.sql(COLUMNS + " where e.published order by e.starts_on, e.partner_id, e.id").query(ROW).stream()) {
            rows.forEach(action);
        }
    }
}
