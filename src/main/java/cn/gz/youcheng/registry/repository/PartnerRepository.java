package cn.gz.youcheng.registry.repository;

import cn.gz.youcheng.registry.Partner;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface PartnerRepository extends JpaRepository<Partner, Long> {

    @Query("select p from Partner p where p.nameZh = ?1 and p.country.iso2 = ?2")
    Optional<Partner> findByIdentity(String nameZh, String countryIso2);

    Optional<Partner> findByWikidataQid(String wikidataQid);

    /**
     * The partner, locked until the transaction ends: changes of its agreements' status wait for each other, so
     * that each sees the other's result (at most one active agreement).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Partner p where p.id = ?1")
    Optional<Partner> lockById(long id);
}
