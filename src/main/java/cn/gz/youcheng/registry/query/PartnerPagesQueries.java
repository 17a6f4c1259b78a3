package cn.gz.youcheng.registry.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every partner's public page and when it last changed, by the registry's history (the audit revisions of
 * the partner, its agreements and their status changes): what a sitemap lists. Every partner has a page
 * for life, whatever became of its agreements.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("permitAll()")
public class PartnerPagesQueries {

    /** A partner's page: its id (the number in {@code /partners/{id}}), and its last change if recorded. */
    public record PartnerPage(long id, @Nullable Instant lastChanged) {
    }

    private final JdbcClient jdbc;

    PartnerPagesQueries(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public int partners() {
        return jdbc.sql("select count(*)::int from partner").query(Integer.class).single();
    }

    /** Partners' pages by id, from {@code offset}: each with the time of its latest revision. */
    public List<PartnerPage> pages(int offset, int limit) {
        return jdbc.sql("""
                        with pages as (select id from partner order by id offset :offset limit :limit)
                        select p.id, r.created_at
                        from pages p
                        left join revision r on r.id = greatest(
                            (select max(pa.rev) from partner_aud pa where pa.id = p.id),
                            (select max(aa.rev) from agreement_aud aa where aa.partner_id = p.id),
                            (select max(sa.rev) from agreement a
                             join agreement_status_change_aud sa on sa.agreement_id = a.id
                             where a.partner_id = p.id))
                        order by p.id
                        """)
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, i) -> {
                    OffsetDateTime changed = rs.getObject(2, OffsetDateTime.class);
                    return new PartnerPage(rs.getLong(1), changed == null ? null : changed.toInstant());
                })
                .list();
    }
}
