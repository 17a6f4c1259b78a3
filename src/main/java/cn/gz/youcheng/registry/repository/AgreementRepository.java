package cn.gz.youcheng.registry.repository;

import cn.gz.youcheng.registry.Agreement;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AgreementRepository extends JpaRepository<Agreement, Long> {
}
