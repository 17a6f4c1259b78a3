package cn.gz.youcheng.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.Application;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two starts of the whole application on one persistent data directory, as a user restarting it would. */
class SeedLoaderRestartTest {

    @Test
    void aRestartKeepsTheDataAndImportsNothingAgain(@TempDir Path dataDir) {
        Counts first = startAndCount(dataDir);
        Counts second = startAndCount(dataDir);

        assertThat(first).isEqualTo(new Counts(107, 107, 68, 1));
        assertThat(second).isEqualTo(first);
    }

    private static Counts startAndCount(Path dataDir) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--youcheng.embedded-database.data-dir=" + dataDir)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            return new Counts(count(jdbc, "partner"), count(jdbc, "agreement"), count(jdbc, "country"),
                    count(jdbc, "revision"));
        }
    }

    private static int count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private record Counts(int partners, int agreements, int countries, int revisions) {
    }
}
