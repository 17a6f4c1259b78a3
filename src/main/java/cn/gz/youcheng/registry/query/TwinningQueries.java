package cn.gz.youcheng.registry.query;

import java.time.LocalDate;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The twinnings Wikidata can record: partners with a Wikidata item, each with the day its current
 * agreement (the one of its standing today) was signed and, if that agreement has ended, the day it ended.
 * A suspended agreement still stands: Wikidata has no suspension, and the twinning has not ended.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("permitAll()")
public class TwinningQueries {

    /** @param endedOn the day the agreement was terminated; null while it stands */
    public record Twinning(long partnerId, String wikidataQid, LocalDate startedOn, @Nullable LocalDate endedOn) {
    }

    private final JdbcClient jdbc;

    TwinningQueries(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Every twinning by partner id; only partners with a Wikidata item are read (a partial index keeps them). */
    public void forEach(Consumer<Twinning> action) {
        jdbc.sql("""
                        select p.id, p.wikidata_qid, s.signed_on,
                               case when s.status = 'TERMINATED' then
                                   (select max(sc.effective_on) from agreement a
                                    join agreement_status_change sc on sc.agreement_id = a.id
                                    where a.partner_id = p.id and a.kind = s.kind and a.signed_on = s.signed_on
                                      and sc.status = 'TERMINATED')
                               end as ended_on
                        from partner p join partner_standing s on s.partner_id = p.id
                        where p.wikidata_qid is not null
                        order by p.id
                        """)
                .query(rs -> {
                    action.accept(new Twinning(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class)));
                });
    }
}
