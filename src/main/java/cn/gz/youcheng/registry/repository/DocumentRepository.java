package cn.gz.youcheng.registry.repository;

import cn.gz.youcheng.registry.Document;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DocumentRepository extends JpaRepository<Document, Long> {

    /** A partner's documents, of its agreements and of its exchanges, by upload. */
    @Query("""
            select d from Document d left join d.agreement a left join d.exchange e
            where a.partner.id = ?1 or e.partner.id = ?1 order by d.uploadedAt, d.id""")
    List<Document> ofPartner(long partnerId);

    @Query("select d from Document d where d.exchange.id = ?1")
    List<Document> ofExchange(long exchangeId);
}
