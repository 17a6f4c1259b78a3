package cn.gz.youcheng.registry.query;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read model's parts, put together: the database's reads behind the shared cache. */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    @Bean
    DirectoryDatabase directoryDatabase(DataSource dataSource, Clock clock) {
        return new DirectoryDatabase(dataSource, clock);
    }

    @Bean
    SharedReads sharedReads(DirectoryDatabase database) {
        return CachedReads.over(new DatabaseReads(database));
    }
}
