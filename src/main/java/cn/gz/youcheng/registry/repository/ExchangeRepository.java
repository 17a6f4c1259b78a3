package cn.gz.youcheng.registry.repository;

import cn.gz.youcheng.registry.Exchange;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ExchangeRepository extends JpaRepository<Exchange, Long> {

    /** A partner's exchanges, published or not, newest first. */
    @Query("select e from Exchange e where e.partner.id = ?1 order by e.startsOn desc, e.id desc")
    List<Exchange> ofPartner(long partnerId);
}
