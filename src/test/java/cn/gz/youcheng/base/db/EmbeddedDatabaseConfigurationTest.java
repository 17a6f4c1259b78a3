package cn.gz.youcheng.base.db;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseConfigurationTest {

    @Test
    void refusesADataDirectoryOfAnotherPostgresMajorWithAdvice(@TempDir Path dataDirectory) throws Exception {
        Files.writeString(dataDirectory.resolve("PG_VERSION"), "16\n");

        assertThatThrownBy(() -> EmbeddedDatabaseConfiguration.checkMajorVersion(dataDirectory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("created by PostgreSQL 16")
                .hasMessageContaining("bundles PostgreSQL 18")
                .hasMessageContaining("pg_dump");
    }

    @Test
    void acceptsANewOrMatchingDataDirectory(@TempDir Path dataDirectory) throws Exception {
        assertThatCode(() -> EmbeddedDatabaseConfiguration.checkMajorVersion(dataDirectory)).doesNotThrowAnyException();
        Files.writeString(dataDirectory.resolve("PG_VERSION"), "18\n");
        assertThatCode(() -> EmbeddedDatabaseConfiguration.checkMajorVersion(dataDirectory)).doesNotThrowAnyException();
    }
}
