package cn.gz.youcheng.registry.repository;

import cn.gz.youcheng.registry.Country;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CountryRepository extends JpaRepository<Country, String> {
}
