package cn.gz.youcheng.registry.repository;

import cn.gz.youcheng.registry.Partner;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PartnerRepository extends JpaRepository<Partner, Long> {

    @Query("select p from Partner p where p.nameZh = ?1 and p.country.iso2 = ?2")
    Optional<Partner> findByIdentity(String nameZh, String countryIso2);
}
