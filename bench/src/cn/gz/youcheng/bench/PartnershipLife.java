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

        report.life(Report.percentile(page, 50) / 1e6, Report.percentile(page, 95) / 1e6, partners.size(),
                exchangesRead, dormant, countMillis, worstDormancy, dormancyRows, download.millis(), download.heapBefore(),
                download.heapHalfway(), DOCUMENT_BYTES);
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
