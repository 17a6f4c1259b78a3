package cn.gz.youcheng.base.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when {@code spring.datasource.url} is not set.
 *
 * @param dataDir where the database files live (kept across restarts)
 * @param port the port to listen on; 0 picks a free one
 * @param temporary a throwaway database in a temporary directory, deleted at shutdown (tests, demos)
 */
@ConfigurationProperties("youcheng.embedded-database")
record EmbeddedDatabaseProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("0") int port,
        @DefaultValue("false") boolean temporary) {
}
