package cn.gz.youcheng.bench;

import cn.gz.youcheng.base.Guangzhou;
import cn.gz.youcheng.registry.query.ReadModel;
import com.zaxxer.hikari.HikariDataSource;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;

/**
 * Issue 15's measurements on the data set with its exchanges: the public partner page's data fetch (every read
 * the page makes: the partner, its published exchanges and documents, its next anniversary, whether it is
 * dormant), the admin area's dormancy filter (its count and a page at several depths), and a 20 MB document
 * downloaded from the production jar over HTTP with the server's live heap read halfway through.
 */
final class PartnershipLife {

    private static final int PARTNERS = 200;
    private static final int PAGE = 50;
    private static final int DOCUMENT_BYTES = 20 * 1024 * 1024;

    private PartnershipLife() {
    }

    static void measure(HikariDataSource dataSource, AppProcess app, Report report, int rounds) throws Exception {
        ReadModel model = ReadModel.over(dataSource, Clock.system(Guangzhou.ZONE));
        LocalDate today = model.directory().today();
        List<Long> partners = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select id from partner where id % greatest((select count(*) from partner) / ?, 1) = 0 order by id limit ?")) {
            statement.setInt(1, PARTNERS);
            statement.setInt(2, PARTNERS);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    partners.add(rows.getLong(1));
                }
            }
        }
        for (int i = 0; i < 50; i++) {
            fetchPartnerPage(model, partners.get(i % partners.size()), today);
        }
        List<Long> page = new ArrayList<>();
        int exchangesRead = 0;
        for (long partner : partners) {
            long started = System.nanoTime();
            exchangesRead += fetchPartnerPage(model, partner, today);
            page.add(System.nanoTime() - started);
        }

        long started = System.nanoTime();
        int dormant = model.dormancy().count();
        long countMillis = (System.nanoTime() - started) / 1_000_000;
        List<String> dormancyRows = new ArrayList<>();
        double worstDormancy = 0;
        for (double depth : new double[] {0, 0.5, 0.99}) {
            int offset = Math.max(0, Math.min((int) (dormant * depth), dormant - PAGE));
            List<Long> times = new ArrayList<>();
            for (int i = -5; i < rounds; i++) {
                long t = System.nanoTime();
                model.dormancy().page(offset, PAGE);
                if (i >= 0) {
                    times.add(System.nanoTime() - t);
                }
            }
            worstDormancy = Math.max(worstDormancy, Report.percentile(times, 95) / 1e6);
            dormancyRows.add(String.format("| %.0f %% (offset %,d) | %.1f ms | %.1f ms |", depth * 100, offset,
                    Report.percentile(times, 50) / 1e6, Report.percentile(times, 95) / 1e6));
        }

        Download download = download(dataSource, app);
        Download upload = upload(dataSource, app);

        report.life(Report.percentile(page, 50) / 1e6, Report.percentile(page, 95) / 1e6, partners.size(),
                exchangesRead, dormant, countMillis, worstDormancy, dormancyRows, download.millis(), download.heapBefore(),
                download.heapHalfway(), upload.millis(), upload.heapBefore(), upload.heapHalfway(), DOCUMENT_BYTES);
    }

    /**
     * A 20 MB PDF attached as an officer attaches one: signed in with Chromium, the partner's editor open, the
     * attach dialog's upload address taken from the page, the file posted to it with the session's cookie; the
     * server's live heap read when half the file has been sent (the sender waits meanwhile), the time until the
     * document is in the database. Removed afterwards.
     */
    private static Download upload(HikariDataSource dataSource, AppProcess app) throws Exception {
        String password = "twenty megabytes of programme";
        String hash = new org.springframework.security.crypto.password.DelegatingPasswordEncoder("argon2@SpringSecurity_v5_8",
                java.util.Map.of("argon2@SpringSecurity_v5_8",
                        org.springframework.security.crypto.argon2.Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()))
                .encode(password);
        long agreement;
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "update app_user set password_hash = ? where username = 'bench.uploader'")) {
                update.setString(1, hash);
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = connection.prepareStatement("""
                            insert into app_user (username, password_hash, role, created_at, password_changed_at)
                            values ('bench.uploader', ?, 'EDITOR', now(), now())""")) {
                        insert.setString(1, hash);
                        insert.executeUpdate();
                    }
                }
            }
            try (PreparedStatement find = connection.prepareStatement("""
                    select a.id from agreement a join partner p on p.id = a.partner_id
                    where p.name_zh = '普拉亚' and a.status = 'ACTIVE'""");
                    ResultSet rows = find.executeQuery()) {
                rows.next();
                agreement = rows.getLong(1);
            }
        }
        byte[] content = new byte[DOCUMENT_BYTES];
        new Random(2027).nextBytes(content);
        System.arraycopy("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, content, 0, 9);
        java.nio.file.Path chromium = java.nio.file.Path.of("/usr/bin/chromium");
        try (com.microsoft.playwright.Playwright playwright = com.microsoft.playwright.Playwright.create(
                new com.microsoft.playwright.Playwright.CreateOptions().setEnv(java.util.Map.of(
                        "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", java.nio.file.Files.exists(chromium) ? "1" : "0")))) {
            com.microsoft.playwright.BrowserType.LaunchOptions options = new com.microsoft.playwright.BrowserType.LaunchOptions()
                    .setArgs(List.of("--no-sandbox", "--disable-gpu"));
            if (java.nio.file.Files.exists(chromium)) {
                options.setExecutablePath(chromium);
            }
            try (com.microsoft.playwright.Browser browser = playwright.chromium().launch(options)) {
                com.microsoft.playwright.Page page = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setLocale("en-US").setViewportSize(1400, 1000)).newPage();
                page.navigate(app.base() + "/login");
                page.locator("input[name=username]").fill("bench.uploader");
                page.locator("input[name=password]").fill(password);
                page.locator("input[name=password]").press("Enter");
                page.waitForURL("**/admin**");
                page.locator("#admin-search input").fill("普拉亚");
                page.locator("#admin-grid vaadin-grid-cell-content:text-is('普拉亚')").first().click();
                page.locator("#attach-agreement-" + agreement).click();
                page.locator("#document-title input").fill("Benchmark upload");
                page.locator("#document-title input").press("Tab");
                String target = (String) page.evaluate("() => document.querySelector('#document-upload').target");
                String session = page.context().cookies().stream().filter(cookie -> cookie.name.equals("JSESSIONID"))
                        .map(cookie -> cookie.name + "=" + cookie.value).findFirst().orElseThrow();
                long heapBefore = app.settledLiveHeap();
                java.util.concurrent.CountDownLatch half = new java.util.concurrent.CountDownLatch(1);
                java.util.concurrent.CountDownLatch measured = new java.util.concurrent.CountDownLatch(1);
                InputStream body = new java.io.ByteArrayInputStream(content) {
                    private int sent;

                    @Override
                    public synchronized int read(byte[] buffer, int offset, int length) {
                        if (sent >= DOCUMENT_BYTES / 2 && half.getCount() > 0) {
                            half.countDown();
                            try {
                                measured.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        int n = super.read(buffer, offset, length);
                        sent += Math.max(n, 0);
                        return n;
                    }
                };
                long started = System.nanoTime();
                java.util.concurrent.CompletableFuture<HttpResponse<String>> sending = HttpClient.newHttpClient().sendAsync(
                        HttpRequest.newBuilder(URI.create(app.base() + "/").resolve(target))
                                .header("Cookie", session).header("X-Filename", "programme.pdf")
                                .header("Content-Type", "application/pdf")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                half.await();
                long heapHalfway = app.liveHeap();
                measured.countDown();
                sending.get();
                long id = 0;
                for (int i = 0; i < 3000 && id == 0; i++) {
                    try (Connection connection = dataSource.getConnection(); PreparedStatement find = connection.prepareStatement(
                            "select coalesce(max(id), 0) from document where title = 'Benchmark upload'");
                            ResultSet rows = find.executeQuery()) {
                        rows.next();
                        id = rows.getLong(1);
                    }
                    if (id == 0) {
                        Thread.sleep(10);
                    }
                }
                long millis = (System.nanoTime() - started) / 1_000_000;
                if (id == 0) {
                    throw new IllegalStateException("the uploaded document was not stored");
                }
                try (Connection connection = dataSource.getConnection(); PreparedStatement delete =
                        connection.prepareStatement("delete from document where id = ?")) {
                    delete.setLong(1, id);
                    delete.executeUpdate();
                }
                return new Download(millis, heapBefore, heapHalfway);
            }
        }
    }

    /** Every read the public partner page makes; returns how many exchanges it read. */
    private static int fetchPartnerPage(ReadModel model, long partner, LocalDate today) {
        model.details().partnerToday(partner);
        int exchanges = model.exchanges().ofPartner(partner).size();
        model.documents().ofPartner(partner);
        model.anniversaries().nextOf(partner, today);
        model.dormancy().dormantForThePublic(partner);
        return exchanges;
    }

    private record Download(long millis, long heapBefore, long heapHalfway) {
    }

    /**
     * A published 20 MB PDF attached to an agreement (written as the application writes it, into a large object),
     * read back over HTTP: half of it, the server's live heap, the rest. Removed afterwards.
     */
    private static Download download(HikariDataSource dataSource, AppProcess app) throws Exception {
        byte[] content = new byte[DOCUMENT_BYTES];
        new Random(2026).nextBytes(content);
        System.arraycopy("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, content, 0, 9);
        long id;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            LargeObjectManager objects = connection.unwrap(PGConnection.class).getLargeObjectAPI();
            long oid = objects.createLO(LargeObjectManager.READWRITE);
            try (LargeObject object = objects.open(oid, LargeObjectManager.WRITE); OutputStream out = object.getOutputStream()) {
                out.write(content);
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into document (agreement_id, title, file_name, media_type, size_bytes, sha256, content, published, uploaded_at)
                    values ((select min(id) from agreement), 'Benchmark document', 'benchmark.pdf', 'application/pdf', ?, ?, ?, true, now())
                    returning id""")) {
                insert.setLong(1, content.length);
                insert.setString(2, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
                insert.setLong(3, oid);
                try (ResultSet rows = insert.executeQuery()) {
                    rows.next();
                    id = rows.getLong(1);
                }
            }
            connection.commit();
        }
        try {
            long heapBefore = app.settledLiveHeap();
            HttpClient http = HttpClient.newHttpClient();
            long started = System.nanoTime();
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(app.base() + "/export/documents/" + id))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the document answered " + response.statusCode());
            }
            long heapHalfway;
            long read;
            try (InputStream in = response.body()) {
                read = in.readNBytes(DOCUMENT_BYTES / 2).length;
                // The server is mid-transfer (its socket buffers full while this side waits): what it holds now.
                heapHalfway = app.liveHeap();
                read += in.transferTo(OutputStream.nullOutputStream());
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (read != DOCUMENT_BYTES) {
                throw new IllegalStateException("read " + read + " bytes of " + DOCUMENT_BYTES);
            }
            return new Download(millis, heapBefore, heapHalfway);
        } finally {
            try (Connection connection = dataSource.getConnection(); PreparedStatement delete =
                    connection.prepareStatement("delete from document where id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
        }
    }
}
