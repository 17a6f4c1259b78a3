package cn.gz.youcheng.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.Application;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two instances starting at once against one fresh database: one schema, one seed, one administrator. */
class ConcurrentStartTest {

    @Test
    void twoInstancesStartingTogetherMigrateAndSeedOnce() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start();
                ExecutorService starts = Executors.newFixedThreadPool(2)) {
            String url = server.getJdbcUrl("postgres", "postgres");
            Callable<ConfigurableApplicationContext> instance = () -> {
                SpringApplicationBuilder builder = new SpringApplicationBuilder(Application.class);
                // Two applications in one JVM would set up its one logging system at the same moment, which
                // Spring Boot's logging does not survive (ConcurrentModificationException); the test's own
                // logging is in place already. Two real instances are two JVMs.
                builder.application().setListeners(builder.application().getListeners().stream()
                        .filter(listener -> !(listener instanceof LoggingApplicationListener)).toList());
                return builder.run("--server.port=0", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres", "--spring.datasource.password=");
            };
            List<Future<ConfigurableApplicationContext>> instances = List.of(starts.submit(instance),
                    starts.submit(instance));
            try (ConfigurableApplicationContext first = instances.get(0).get();
                    ConfigurableApplicationContext second = instances.get(1).get()) {
                assertThat(first.isActive()).isTrue();
                assertThat(second.isActive()).isTrue();
            }

            JdbcClient jdbc = JdbcClient.create(server.getPostgresDatabase());
            assertThat(count(jdbc, "partner")).isEqualTo(107);
            assertThat(count(jdbc, "app_user")).isEqualTo(1);
            assertThat(count(jdbc, "revision")).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single())
                    .isEqualTo(jdbc.sql("select count(distinct version) from flyway_schema_history").query(Integer.class)
                            .single());
        }
    }

    private static int count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }
}
