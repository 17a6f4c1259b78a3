package cn.gz.youcheng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The import's size limit holds on the server, while the upload streams: a body far over it, sent past the
 * browser's own check, takes no more memory than the limit, and the application goes on serving.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "youcheng.embedded-database.temporary=true")
@ActiveProfiles("prod")
class UploadLimitIT extends BrowserTest {

    private static final long FIFTY_MEGABYTES = 50L * 1024 * 1024;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ServletWebServerApplicationContext server;
    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void fiftyMegabytesPostedStraightToTheImportAreRefusedWithoutFillingTheHeap() throws Exception {
        Page page = importPage("big.uploader");
        String target = (String) page.evaluate("() => document.querySelector('#import-upload').target");
        String session = page.context().cookies().stream().filter(cookie -> cookie.name.equals("JSESSIONID"))
                .map(cookie -> cookie.name + "=" + cookie.value).findFirst().orElseThrow();
        Map<Long, Long> before = allocatedByServerThreads();

        HttpClient http = HttpClient.newHttpClient();
        try {
            // No Content-Length: the server learns the size only by reading.
            http.send(HttpRequest.newBuilder(URI.create(url("/")).resolve(target))
                            .header("Cookie", session)
                            .header("X-Filename", "big.csv")
                            .header("Content-Type", "text/csv")
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Zeros(FIFTY_MEGABYTES)))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException connectionClosedMidUpload) {
            // Tomcat may close the connection on the rest of the body: that is the refusal too.
        }

        long allocated = allocatedSince(before);
        assertThat(allocated).as("bytes allocated by the server's threads for the upload").isLessThan(16L * 1024 * 1024);
        HttpResponse<String> stillServing = http.send(HttpRequest.newBuilder(URI.create(url("/export/partners.csv")))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(stillServing.statusCode()).isEqualTo(200);
        assertThat(stillServing.body().split("\r\n")).hasSize(1 + 107);
    }

    @Test
    void theServerKeepsTheBuffersOfAtMostFiveHundredClosedConnections() {
        var connector = ((TomcatWebServer) server.getWebServer()).getTomcat().getConnector();
        assertThat(String.valueOf(connector.getProperty("socket.bufferPool"))).isEqualTo("500");
    }

    @Test
    void aFileOverTheLimitUploadedPastTheBrowsersCheckIsRefusedWithAMessage() {
        Page page = importPage("over.limit");
        // As a hostile or broken client would: the browser's own check switched off.
        page.evaluate("() => document.querySelector('#import-upload').maxFileSize = Infinity");
        byte[] threeMegabytes = ("list,name_zh,name_en,country_iso2,signed_on\n" + "x".repeat(3 * 1024 * 1024))
                .getBytes(StandardCharsets.UTF_8);

        page.locator("#import-upload input[type=file]").setInputFiles(
                new FilePayload("three-megabytes.csv", "text/csv", threeMegabytes));

        page.waitForCondition(() -> page.locator("#import-summary").innerText().contains("The file is too large"));
        assertThat(page.locator("#import-apply").isDisabled()).isTrue();
    }

    private Page importPage(String username) {
        jdbc.sql("""
                        insert into app_user (username, password_hash, role, created_at, password_changed_at)
                        values (:username, :hash, 'EDITOR', now(), now())
                        """)
                .param("username", username).param("hash", passwordEncoder.encode("an editor with a big file")).update();
        Page page = newPage("en-US");
        page.navigate(url("/login"));
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill("an editor with a big file");
        page.locator("vaadin-button[slot=submit]").click();
        page.waitForURL("**/admin**");
        page.navigate(url("/admin/import"));
        page.locator("#import-upload").waitFor();
        return page;
    }

    /** Bytes allocated so far by each of the web server's worker threads. */
    private static Map<Long, Long> allocatedByServerThreads() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<Long, Long> allocated = new HashMap<>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("-exec-")) {
                allocated.put(info.getThreadId(), threads.getThreadAllocatedBytes(info.getThreadId()));
            }
        }
        return allocated;
    }

    private static long allocatedSince(Map<Long, Long> before) {
        long total = 0;
        for (var after : allocatedByServerThreads().entrySet()) {
            total += after.getValue() - before.getOrDefault(after.getKey(), 0L);
        }
        return total;
    }

    /** A long run of zeros, made as it is read. */
    private static final class Zeros extends InputStream {

        private long left;

        Zeros(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return '0';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) '0');
            left -= n;
            return n;
        }
    }
}
