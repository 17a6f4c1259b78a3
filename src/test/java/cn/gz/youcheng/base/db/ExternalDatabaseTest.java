package cn.gz.youcheng.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.Application;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With a datasource URL the application uses that PostgreSQL and starts none of its own. */
class ExternalDatabaseTest {

    @Test
    void aConfiguredDatasourceUrlIsUsedInsteadOfTheEmbeddedDatabase() throws Exception {
        // Stands in for the operator's PostgreSQL server: the application only sees its URL.
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).run(
                        "--server.port=0",
                        "--spring.datasource.url=" + server.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=")) {

            assertThat(app.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
            JdbcClient serverDirectly = JdbcClient.create(server.getPostgresDatabase());
            assertThat(serverDirectly.sql("select count(*) from partner").query(Integer.class).single()).isEqualTo(107);
            assertThat(serverDirectly.sql("select count(*) from flyway_schema_history where success")
                    .query(Integer.class).single()).isPositive();
        }
    }
}
