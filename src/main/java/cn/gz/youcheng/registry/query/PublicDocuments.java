package cn.gz.youcheng.registry.query;

import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents the public may download from a partner's page: published ones of its agreements and of its
 * published exchanges. The same rule as the download's ({@code DocumentService}), in SQL.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("permitAll()")
public class PublicDocuments {

    /** A published document, of an agreement or of an exchange. */
    public record PublicDocument(long id, @Nullable Long agreementId, @Nullable Long exchangeId, String title,
            String mediaType, long sizeBytes) {
    }

    private final JdbcClient jdbc;

    PublicDocuments(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public List<PublicDocument> ofPartner(long partnerId) {
        return jdbc.sql("""
                        select d.id, d.agreement_id, d.exchange_id, d.title, d.media_type, d.size_bytes
                        from document d
                        left join agreement a on a.id = d.agreement_id
                        left join exchange e on e.id = d.exchange_id
                        where d.published and (a.partner_id = :id or e.partner_id = :id and e.published)
                        order by d.uploaded_at, d.id
                        """)
                .param("id", partnerId)
                .query((rs, i) -> new PublicDocument(rs.getLong(1), rs.getObject(2, Long.class), rs.getObject(3, Long.class),
                        rs.getString(4), rs.getString(5), rs.getLong(6)))
                .list();
    }
}
