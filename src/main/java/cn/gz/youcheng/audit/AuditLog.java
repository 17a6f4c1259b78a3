package cn.gz.youcheng.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * All revisions, newest first: who committed a change, when, and which partners it touched (through the
 * partner, its agreements or their status history).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'EDITOR')")
public class AuditLog {

    /** Dates in the filter are Guangzhou's calendar days. */
    private static final ZoneId GUANGZHOU = ZoneId.of("Asia/Shanghai");

    private static final String TOUCHED = """
            (select pa.id as partner_id from partner_aud pa where pa.rev = r.id
             union select aa.partner_id from agreement_aud aa where aa.rev = r.id
             union select a.partner_id from agreement_status_change_aud sa
                   join agreement a on a.id = sa.agreement_id where sa.rev = r.id)
            """;

    public record Filter(String username, LocalDate from, LocalDate to, String partner) {
    }

    public record Entry(long revision, OffsetDateTime at, String username, String comment, int partnerCount,
            List<String> partners) {
    }

    private final JdbcClient jdbc;

    AuditLog(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public List<Entry> page(Filter filter, int offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        return jdbc.sql("""
                        select r.id, r.created_at, r.username, r.comment,
                               (select count(*) from %1$s t) as partner_count,
                               (select string_agg(p.name_zh, '、' order by p.id) from (
                                    select p.id, p.name_zh from partner p where p.id in (select partner_id from %1$s t)
                                    order by p.id limit 5) p) as partners
                        from revision r %2$s
                        order by r.id desc offset :offset limit :limit
                        """.formatted(TOUCHED, where))
                .params(params)
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, i) -> new Entry(rs.getLong("id"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getString("username"), rs.getString("comment"), rs.getInt("partner_count"),
                        rs.getString("partners") == null ? List.of() : List.of(rs.getString("partners").split("、"))))
                .list();
    }

    public int count(Filter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("select count(*) from revision r " + where(filter, params))
                .params(params)
                .query(Integer.class)
                .single();
    }

    public List<String> usernames() {
        return jdbc.sql("select distinct username from revision order by username").query(String.class).list();
    }

    private static String where(Filter filter, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (filter.username() != null && !filter.username().isBlank()) {
            params.put("username", filter.username());
            conditions.add("r.username = :username");
        }
        if (filter.from() != null) {
            params.put("from", filter.from().atStartOfDay(GUANGZHOU).toOffsetDateTime());
            conditions.add("r.created_at >= :from");
        }
        if (filter.to() != null) {
            params.put("to", filter.to().plusDays(1).atStartOfDay(GUANGZHOU).toOffsetDateTime());
            conditions.add("r.created_at < :to");
        }
        if (filter.partner() != null && !filter.partner().isBlank()) {
            params.put("partner", "%" + filter.partner().strip().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
            conditions.add("exists (select 1 from partner p where (p.name_zh ilike :partner or p.name_en ilike :partner)"
                    + " and p.id in (select partner_id from " + TOUCHED + " t))");
        }
        return conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
    }
}
