package cn.gz.youcheng.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database goes away under a running application and comes back: pages and downloads say so plainly,
 * health reports DOWN, and everything works again without restarting the application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.productionMode=true", "spring.datasource.hikari.connection-timeout=2000"})
class DatabaseOutageIT extends BrowserTest {

    private static Path dataDirectory;
    private static int databasePort;
    private static EmbeddedPostgres database;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startDatabase() throws IOException {
        dataDirectory = Files.createTempDirectory("youcheng-outage");
        try (ServerSocket socket = new ServerSocket(0)) {
            databasePort = socket.getLocalPort();
        }
        database = start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        database.close();
    }

    @DynamicPropertySource
    static void externalDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + databasePort + "/postgres");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Test
    void pagesAndDownloadsExplainAnOutageAndRecoverWithoutARestart() throws Exception {
        assertThat(get("/export/partners.csv").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health").body()).contains("\"UP\"");

        database.close();

        HttpResponse<String> download = get("/export/partners.csv");
        assertThat(download.statusCode()).isEqualTo(503);
        assertThat(download.body()).contains("cannot be reached").doesNotContain("Exception").doesNotContain("at cn.");
        // The printable list and the Excel download say so the same way, never with the application's page.
        for (String other : java.util.List.of("/export/partners.html", "/export/partners.xlsx", "/export/exchanges.csv",
                "/export/anniversaries.ics", "/export/documents/1", "/feed.atom", "/api/v1/partners")) {
            HttpResponse<String> answer = get(other);
            assertThat(answer.statusCode()).as(other).isEqualTo(503);
            assertThat(answer.body()).as(other).contains("cannot be reached").doesNotContain("Exception")
                    .doesNotContain("<html");
        }
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"DOWN\"");
        Page page = newPage("en-US");
        // Crawlers are told to come back (the first HTML could not be written), people see why.
        assertThat(page.navigate(url("/")).status()).isEqualTo(503);
        page.locator("#error-view").waitFor();
        assertThat(page.locator("#error-view").innerText()).contains("The registry is unavailable")
                .doesNotContain("Exception");

        database = start();
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/actuator/health").statusCode() == 200);

        assertThat(get("/actuator/health").body()).contains("\"UP\"");
        assertThat(get("/export/partners.csv").statusCode()).isEqualTo(200);
        assertThat(page.navigate(url("/")).status()).isEqualTo(200);
        page.locator("#directory-grid").waitFor();
        assertThat(page.locator("#official-sentence").innerText()).contains("107 cities");
    }

    /** The same server again: same data directory, same port. */
    private static EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(databasePort)
                .start();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
