package cn.gz.youcheng.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gz.youcheng.Application;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A new installation on an empty database, asked for the official list from the moment it starts: the very
 * first answer is the complete list (or a 503), never an empty one that a cache could keep.
 */
class FirstStartTest {

    @Test
    void theFirstDownloadOnAnEmptyDatabaseIsTheCompleteList() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture.supplyAsync(() ->
                new SpringApplicationBuilder(Application.class).run("--server.port=" + port,
                        "--youcheng.embedded-database.temporary=true"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest download = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/export/partners.csv"))
                .timeout(Duration.ofSeconds(30)).build();
        try {
            // Asked again as soon as the port refuses or closes the connection (not listening yet, or starting).
            HttpResponse<String> first = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10))
                    .failFast("the application failed to start", starting::isCompletedExceptionally)
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> http.send(download, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)),
                            Objects::nonNull);

            assertThat(first).as("an answer while starting").isNotNull();
            if (first.statusCode() != 503) {
                assertThat(first.statusCode()).isEqualTo(200);
                assertThat(first.body().split("\r\n")).hasSize(1 + 107);
            }
        } finally {
            starting.get().close();
        }
    }
}
