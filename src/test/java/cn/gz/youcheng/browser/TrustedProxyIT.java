package cn.gz.youcheng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Behind a reverse proxy the operator has named (here the test's own loopback address), X-Forwarded-For is
 * believed: sign-in attempts are counted against the address the proxy forwarded, and whatever it forwards
 * is stored bounded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"youcheng.embedded-database.temporary=true",
                "server.tomcat.remoteip.internal-proxies=127.0.0.1/32, ::1/128",
                "youcheng.metrics.allowed-addresses=198.51.100.0/24"})
@ActiveProfiles("prod")
class TrustedProxyIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theForwardedAddressOfATrustedProxyIsCountedAndAnOverlongOneIsStoredBounded() {
        Page page = newPage("en-US");
        page.context().setExtraHTTPHeaders(Map.of("X-Forwarded-For", "198.51.100.23"));
        failToSignIn(page, "behind.proxy");
        page.context().setExtraHTTPHeaders(Map.of("X-Forwarded-For", "x".repeat(300)));
        failToSignIn(page, "behind.proxy");

        List<String> addresses = jdbc.sql("select address from sign_in_attempt where username = 'behind.proxy' order by id")
                .query(String.class).list();
        assertThat(addresses).hasSize(2);
        assertThat(addresses.get(0)).isEqualTo("198.51.100.23");
        assertThat(addresses.get(1)).startsWith("sha256:").hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void metricsAnswerTheNamedScraperAsThePeerOrAsForwardedByATrustedProxyAndNobodyElse() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> scraper = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/prometheus")))
                .header("X-Forwarded-For", "198.51.100.77").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/prometheus")))
                .header("X-Forwarded-For", "203.0.113.5").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> proxyItself = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/prometheus")))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(scraper.statusCode()).isEqualTo(200);
        assertThat(scraper.body()).contains("jvm_memory_used_bytes");
        assertThat(other.statusCode()).isEqualTo(401);
        assertThat(proxyItself.statusCode()).isEqualTo(401);
    }

    private void failToSignIn(Page page, String username) {
        page.navigate(url("/login"));
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill("wrong password");
        page.locator("vaadin-button[slot=submit]").click();
        page.locator("vaadin-login-form-wrapper[error]").waitFor();
    }
}
