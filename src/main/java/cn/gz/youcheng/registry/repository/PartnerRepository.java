package cn.gz.youcheng.registry.repository;

import cn.gz.youcheng.registry.Partner;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PartnerRepository extends JpaRepository<Partner, Long> {
}
