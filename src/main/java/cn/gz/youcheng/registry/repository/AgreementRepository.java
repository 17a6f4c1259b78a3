package cn.gz.youcheng.registry.repository;

import cn.gz.youcheng.registry.Agreement;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AgreementRepository extends JpaRepository<Agreement, Long> {

    /** Which partner an agreement is of, read without loading the agreement (so that it is read after a lock). */
    @Query(value = "select partner_id from agreement where id = ?1", nativeQuery = true)
    Optional<Long> partnerIdOf(long agreementId);
}
