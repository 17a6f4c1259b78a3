package cn.gz.youcheng.base.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Runs PostgreSQL inside the application when no external database is configured, so that a fresh clone
 * runs with one command. The data directory is kept across restarts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    /** The major version of the bundled PostgreSQL binaries; a data directory of another major cannot start. */
    static final String POSTGRES_MAJOR = "18";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // Spring closes the pool and then the server; a JVM shutdown hook of zonky's would race it.
                .setRegisterShutdownHook(false)
                .setPort(properties.port())
                .setPGStartupWait(Duration.ofSeconds(30))
                .setServerConfig("max_connections", "50");
        if (properties.temporary()) {
            log.info("Starting a temporary embedded PostgreSQL {}; its data is deleted at shutdown", POSTGRES_MAJOR);
            return builder.start();
        }
        Path dataDirectory = properties.dataDir().resolve("postgres").toAbsolutePath().normalize();
        checkMajorVersion(dataDirectory);
        Files.createDirectories(dataDirectory.getParent());
        log.info("Starting embedded PostgreSQL {} with data in {}", POSTGRES_MAJOR, dataDirectory);
        return builder
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // zonky starts PostgreSQL with fsync off, which suits throwaway test databases only.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
    }

    /**
     * Every statement planned for its own values (as {@code spring.datasource.hikari.connection-init-sql} says
     * for an external database): the same read on 1990 or on last year differs a thousandfold in rows, and
     * the plan PostgreSQL keeps for a statement the driver prepared once was five times slower on the larger
     * (decision record 0017). Planning costs a fraction of a millisecond.
     */
    static final String CUSTOM_PLANS = "set plan_cache_mode = force_custom_plan";

    /** Destroyed before the server it depends on, so no connection is cut when PostgreSQL stops. */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("embedded");
        dataSource.setMaximumPoolSize(10);
        dataSource.setConnectionInitSql(CUSTOM_PLANS);
        return dataSource;
    }

    /**
     * PostgreSQL refuses a data directory made by another major version, and zonky only reports a time-out
     * after waiting for it; say what is wrong and what to do instead.
     */
    static void checkMajorVersion(Path dataDirectory) throws IOException {
        Path versionFile = dataDirectory.resolve("PG_VERSION");
        if (!Files.exists(versionFile)) {
            return;
        }
        String found = Files.readString(versionFile).strip();
        if (!found.equals(POSTGRES_MAJOR)) {
            throw new IllegalStateException("The embedded database in " + dataDirectory + " was created by PostgreSQL "
                    + found + ", but this application bundles PostgreSQL " + POSTGRES_MAJOR + ". Either move that "
                    + "directory away (the application then creates a new database and loads the official list), "
                    + "or dump it with PostgreSQL " + found + "'s pg_dump and restore it into a PostgreSQL "
                    + POSTGRES_MAJOR + " server, or set youcheng.embedded-database.data-dir to another directory.");
        }
    }
}
