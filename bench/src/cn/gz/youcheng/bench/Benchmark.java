package cn.gz.youcheng.bench;

import cn.gz.youcheng.RecordingDataSource;
import cn.gz.youcheng.base.Guangzhou;
import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.query.DirectorySort;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;

/**
 * The performance benchmark of issue 7: a synthetic registry of a million agreements, then the five
 * measurements side by side with their references, printed as they are taken and written to
 * {@code bench/results/<date>.md}. How to run it, and what each figure means: bench/README.md.
 */
public final class Benchmark {

    private static final double[] DEPTHS = {0, 0.10, 0.50, 0.99};
    private static final int PAGE = 50;

    private final Path root;
    private final Report report = new Report();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int agreements = setting("AGREEMENTS", 1_000_000);
    private final int sessions = setting("SESSIONS", 300);
    private final int rounds = setting("ROUNDS", 100);
    private final int browserVisitors = setting("BROWSER_VISITORS", 50);
    private final List<String> searches = List.of(System.getenv().getOrDefault("BENCH_SEARCHES", "mar,斯,斯特").split(","));
    private String url;
    private String user;
    private String password;

    private Benchmark(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        new Benchmark(Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize()).run();
    }

    private void run() throws Exception {
        Path appJar = onlyJar(root.resolve("target"), "youcheng-");
        Path helloJar = onlyJar(root.resolve("bench/hello/target"), "hello-");
        EmbeddedPostgres embedded = null;
        if (System.getenv("BENCH_DATABASE_URL") != null) {
            url = System.getenv("BENCH_DATABASE_URL");
            user = System.getenv().getOrDefault("BENCH_DATABASE_USERNAME", "postgres");
            password = System.getenv().getOrDefault("BENCH_DATABASE_PASSWORD", "");
        } else {
            embedded = startEmbedded(root.resolve("bench/data/postgres"));
            url = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "";
        }
        try (HikariDataSource dataSource = dataSource()) {
            report.machine(machine(dataSource));
            prepare(dataSource, appJar);
            if (measure("writes")) {
                writes(dataSource);
            }
            if (measure("start")) {
                coldStart(appJar, helloJar);
            }
            try (AppProcess app = startApp(appJar, "app")) {
                if (measure("latency")) {
                    gridLatency(dataSource, app);
                }
                if (measure("views")) {
                    otherViews(dataSource);
                }
                if (measure("memory")) {
                    memoryPerVisitor(app, helloJar, appJar);
                }
                if (named("directory-memory")) {
                    directoryMemory(app);
                }
                if (measure("csv")) {
                    csvExport(dataSource, app);
                }
                if (measure("life")) {
                    PartnershipLife.measure(dataSource, app, report, rounds);
                }
                if (measure("firstload")) {
                    FirstLoad.measure(app.base(), report);
                }
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
        // A partial run has a file of its own, beside the day's full one.
        String only = System.getenv("BENCH_ONLY");
        Path results = root.resolve("bench/results/" + LocalDate.now()
                + (only == null || only.isBlank() ? "" : "-" + only.replace(',', '-')) + ".md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, report.markdown());
        System.out.println("\nWritten to " + root.relativize(results));
    }

    // ---------------------------------------------------------------- data

    private void prepare(HikariDataSource dataSource, Path appJar) throws Exception {
        if (scalar(dataSource, "select count(*) from information_schema.tables where table_name = 'partner_standing'") == 0) {
            // The application's own first start creates the schema (Flyway) and loads the official list.
            System.out.println("First start of the application on an empty database: schema and official list");
            try (AppProcess first = startApp(appJar, "first-start")) {
                report.line("First start on an empty database (schema and official list): %,d ms", first.startMillis);
            }
        } else {
            // A data set from an earlier run gets this build's migrations before anything is measured.
            try (AppProcess migrated = startApp(appJar, "migrate")) {
                System.out.printf("Schema brought up to date by the application's start (%,d ms)%n", migrated.startMillis);
            }
            // Partners generated before they had identifiers get them as the generator now gives them.
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(Generator.IDENTIFY_GENERATED);
            }
            // A migration may have rewritten whole tables: statistics and visibility as after the generator's load.
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("vacuum analyze");
            }
        }
        long existing = scalar(dataSource, "select count(*) from agreement");
        if (existing < agreements) {
            System.out.printf("Generating agreements up to %,d (%,d now)%n", agreements, existing);
            try (Connection connection = dataSource.getConnection()) {
                Generator.Loaded loaded = new Generator(20261128L, LocalDate.now(Guangzhou.ZONE))
                        .load(connection, agreements);
                report.line("Generated %,d agreements for %,d partners with COPY, standings computed and analysed, in %,d s",
                        loaded.agreements(), loaded.partners(), loaded.millis() / 1000);
            }
        }
        if (scalar(dataSource, "select count(*) from exchange") == 0) {
            long started = System.nanoTime();
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(Generator.EXCHANGES);
                statement.execute("vacuum analyze exchange");
            }
            report.line("Generated %,d exchanges (five per partner on average) in %,d s", scalar(dataSource,
                    "select count(*) from exchange"), (System.nanoTime() - started) / 1_000_000_000);
        }
        Map<String, Long> dataset = new LinkedHashMap<>();
        dataset.put("agreements", scalar(dataSource, "select count(*) from agreement"));
        dataset.put("partners", scalar(dataSource, "select count(*) from partner"));
        dataset.put("exchanges", scalar(dataSource, "select count(*) from exchange"));
        dataset.put("countries with partners", scalar(dataSource, "select count(distinct country_iso2) from partner"));
        dataset.put("on the official lists (active)", scalar(dataSource, "select count(*) from partner_standing where status = 'ACTIVE'"));
        dataset.put("sister cities (active)", scalar(dataSource, "select count(*) from partner_standing where status = 'ACTIVE' and list_rank = 0"));
        dataset.put("status changes", scalar(dataSource, "select count(*) from agreement_status_change"));
        dataset.put("database size (MB)", scalar(dataSource, "select pg_database_size(current_database()) / 1048576"));
        dataset.put("partner table (MB)", scalar(dataSource, "select pg_table_size('partner') / 1048576"));
        dataset.put("name-pieces search index (MB)", scalar(dataSource, "select pg_relation_size('partner_name_pieces') / 1048576"));
        report.dataset(dataset);
    }

    // ---------------------------------------------------------------- the write path

    /**
     * What a write costs the database at this size, standings, day counts, positions and periods kept by its
     * triggers included: each in its own transaction, rolled back, so the data set stays as generated, and each
     * one statement with the status change the service writes beside it. The agreement a write changes is
     * chosen before the clock starts.
     */
    private static final int WRITE_ROUNDS = 20;

    private void writes(HikariDataSource dataSource) throws SQLException {
        long midList;
        long anyAgreement;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // An active exchange agreement signed on the middle one of its list's signing days.
            try (ResultSet rs = statement.executeQuery("""
                    select a.id from agreement a join partner_standing s on s.partner_id = a.partner_id
                    where s.status = 'ACTIVE' and s.list_rank = 1 and a.status = 'ACTIVE'
                      and s.signed_on = (select signed_on from standing_day_count where list_rank = 1 order by signed_on
                                         offset (select count(*) / 2 from standing_day_count where list_rank = 1) limit 1)
                    order by a.id limit 1
                    """)) {
                rs.next();
                midList = rs.getLong(1);
            }
            try (ResultSet rs = statement.executeQuery("select min(id) from agreement")) {
                rs.next();
                anyAgreement = rs.getLong(1);
            }
        }
        Map<String, String> writes = new LinkedHashMap<>();
        writes.put("a new exchange partner signed today (goes to the end of its list)", """
                with p as (insert into partner (name_zh, name_en, country_iso2, admin_level)
                           values ('基准新城', 'Bench New Town', 'FR', 'CITY') returning id),
                     a as (insert into agreement (partner_id, kind, signed_on, status)
                           select id, 'FRIENDLY_EXCHANGE', current_date - 1, 'ACTIVE' from p returning id, signed_on)
                insert into agreement_status_change (agreement_id, status, effective_on) select id, 'ACTIVE', signed_on from a
                """);
        writes.put("a new sister city signed in 1980 (every later number in its list moves)", """
                with p as (insert into partner (name_zh, name_en, country_iso2, admin_level)
                           values ('基准旧城', 'Bench Old Town', 'FR', 'CITY') returning id),
                     a as (insert into agreement (partner_id, kind, signed_on, status)
                           select id, 'SISTER_CITY', date '1980-06-01', 'ACTIVE' from p returning id, signed_on)
                insert into agreement_status_change (agreement_id, status, effective_on) select id, 'ACTIVE', signed_on from a
                """);
        writes.put("an active exchange agreement from the middle of its list ended", """
                with a as (update agreement set status = 'TERMINATED' where id = %d returning id)
                insert into agreement_status_change (agreement_id, status, effective_on) select id, 'TERMINATED', current_date from a
                """.formatted(midList));
        writes.put("that agreement's signing date corrected to a year earlier (it moves within its list)",
                "update agreement set signed_on = signed_on - 365 where id = " + midList);
        writes.put("a correction of an agreement's internal note (no standing changes)",
                "update agreement set internal_note = 'bench' where id = " + anyAgreement);
        Map<String, List<Long>> nanos = new LinkedHashMap<>();
        for (Map.Entry<String, String> write : writes.entrySet()) {
            List<Long> times = new ArrayList<>();
            // One untimed run first: the statement's plan and the pages it touches, as a running server has them.
            for (int i = 0; i < WRITE_ROUNDS + 1; i++) {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    try (Statement statement = connection.createStatement()) {
                        long started = System.nanoTime();
                        statement.execute(write.getValue());
                        if (i > 0) {
                            times.add(System.nanoTime() - started);
                        }
                    } finally {
                        connection.rollback();
                    }
                }
            }
            nanos.put(write.getKey(), times);
            System.out.printf("Write: %s: p50 %.1f ms, p95 %.1f ms%n", write.getKey(),
                    Report.percentile(times, 50) / 1e6, Report.percentile(times, 95) / 1e6);
        }
        report.writes(nanos);
        // A hundred rolled-back writes leave dead rows and pages no longer marked all-visible, which
        // autovacuum clears within a minute on a running server; the reads measured next should meet the
        // registry as it then stands, not in the middle of that clean-up.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("vacuum analyze partner, agreement, agreement_status_change, partner_standing, "
                    + "standing_day_count, standing_period");
        }
    }

    // ---------------------------------------------------------------- 4. cold start

    private void coldStart(Path appJar, Path helloJar) throws Exception {
        int runs = setting("START_RUNS", 3);
        List<Long> app = new ArrayList<>();
        List<Long> hello = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            try (AppProcess started = AppProcess.start(helloJar, Map.of(), List.of(), log("hello-" + i))) {
                hello.add(started.startMillis);
            }
            try (AppProcess started = startApp(appJar, "cold-start-" + i, List.of())) {
                app.add(started.startMillis);
            }
            System.out.printf("Cold start %d: hello-world %,d ms, Youcheng %,d ms%n", i + 1, hello.getLast(), app.getLast());
        }
        report.coldStart(median(app), median(hello), app, hello);

        // Why: one profiled start of each, and both again from the extracted layout with the JDK's AOT cache
        // (class loading and linking done ahead), which shows how much is the JVM's and what remains.
        Path profiles = root.resolve("bench/target/profiles");
        Files.createDirectories(profiles);
        Path appRecording = profiles.resolve("youcheng-start.jfr");
        Path helloRecording = profiles.resolve("hello-start.jfr");
        long appClasses;
        long helloClasses;
        try (AppProcess profiled = startApp(appJar, "profiled-start", List.of(recording(appRecording)))) {
            appClasses = profiled.loadedClasses();
        }
        try (AppProcess profiled = AppProcess.start(helloJar, Map.of(), List.of(recording(helloRecording)), log("hello-profiled"))) {
            helloClasses = profiled.loadedClasses();
        }
        Path appAot = aotCache(appJar, "youcheng", appEnvironment());
        Path helloAot = aotCache(helloJar, "hello", Map.of());
        List<Long> appCached = new ArrayList<>();
        List<Long> helloCached = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            try (AppProcess started = AppProcess.start(extracted(helloJar), Map.of(), List.of("-XX:AOTCache=" + helloAot),
                    log("hello-aot-" + i))) {
                helloCached.add(started.startMillis);
            }
            try (AppProcess started = startApp(extracted(appJar), "aot-" + i, List.of("-XX:AOTCache=" + appAot))) {
                appCached.add(started.startMillis);
            }
        }
        System.out.printf("Cold start with AOT cache: hello-world %,d ms, Youcheng %,d ms%n", median(helloCached),
                median(appCached));
        report.startupAnalysis(StartupProfile.of(appRecording), StartupProfile.of(helloRecording), appCached, helloCached,
                appClasses, helloClasses);
    }

    private static String recording(Path file) {
        return "-XX:StartFlightRecording=filename=" + file + ",settings=profile";
    }

    /** The jar unpacked as Spring Boot recommends for production (plain jars beside the application's). */
    private Path extracted(Path jar) throws IOException, InterruptedException {
        Path directory = root.resolve("bench/target/extracted/" + jar.getFileName().toString().replace(".jar", ""));
        Path extractedJar = directory.resolve(jar.getFileName());
        if (!Files.exists(extractedJar) || Files.getLastModifiedTime(extractedJar).compareTo(Files.getLastModifiedTime(jar)) < 0) {
            exec(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination",
                    directory.toString()), Map.of(), log("extract-" + jar.getFileName()));
        }
        return extractedJar;
    }

    /** JDK 25's AOT cache from one training start that stops once the context is up. */
    private Path aotCache(Path jar, String name, Map<String, String> environment) throws IOException, InterruptedException {
        Path cache = root.resolve("bench/target/extracted/" + name + ".aot");
        Files.deleteIfExists(cache);
        exec(List.of(java(), "-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh", "-jar",
                extracted(jar).toString()), environment, log("aot-training-" + name));
        return cache;
    }

    private static void exec(List<String> command, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + exit + "; see " + log);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    // ---------------------------------------------------------------- 2. grid latency

    private void gridLatency(HikariDataSource dataSource, AppProcess app) throws Exception {
        RecordingDataSource recording = new RecordingDataSource(dataSource);
        DirectoryQueries queries = DirectoryQueries.over(recording, Clock.system(Guangzhou.ZONE));
        LocalDate today = queries.today();
        Map<String, DirectoryFilter> filters = new LinkedHashMap<>();
        filters.put("default order (the official lists)", DirectoryFilter.official(today));
        for (String search : searches) {
            filters.put("search \"" + search + "\"",
                    new DirectoryFilter(search, null, Set.of(), Set.of(), null, null, AgreementStatus.ACTIVE, today));
        }
        // Warm-up: the application's and this process's code compiled before anything is timed.
        VaadinClient warmUp = new VaadinClient(app.base());
        warmUp.open("");
        for (int i = 0; i < 200; i++) {
            int offset = (int) ((i * 7919L) % Math.max(1, warmUp.size() - PAGE));
            warmUp.rows(offset, PAGE);
            queries.page(DirectoryFilter.official(today), List.of(), offset, PAGE);
        }
        warmUp.disconnect();
        List<Report.Latency> service = new ArrayList<>();
        List<Report.Latency> roundTrip = new ArrayList<>();
        Map<String, String> plans = new LinkedHashMap<>();
        for (Map.Entry<String, DirectoryFilter> filter : filters.entrySet()) {
            long started = System.nanoTime();
            int count = queries.count(filter.getValue());
            long countMillis = (System.nanoTime() - started) / 1_000_000;
            VaadinClient client = new VaadinClient(app.base());
            String query = filter.getValue().text() == null ? ""
                    : "q=" + java.net.URLEncoder.encode(filter.getValue().text(), StandardCharsets.UTF_8);
            client.open(query);
            for (double depth : DEPTHS) {
                int offset = Math.max(0, Math.min((int) (count * depth), count - PAGE));
                List<Long> times = new ArrayList<>();
                for (int i = -5; i < rounds; i++) {
                    recording.statements.clear();
                    long t = System.nanoTime();
                    queries.page(filter.getValue(), List.of(), offset, PAGE);
                    if (i >= 0) {
                        times.add(System.nanoTime() - t);
                    }
                }
                if (depth == 0.5) {
                    StringBuilder explained = new StringBuilder();
                    try (Connection connection = dataSource.getConnection()) {
                        for (RecordingDataSource.Recorded statement : recording.statements) {
                            explained.append(statement.sql().strip()).append("\n\n").append(statement.explain(connection)).append('\n');
                        }
                    }
                    plans.put(filter.getKey() + ", page at offset " + offset, explained.toString());
                }
                service.add(new Report.Latency(filter.getKey(), count, depth, offset, times, countMillis));

                // The grid sends only rows the browser does not have yet: between two timed fetches the
                // visitor scrolls far away, as to another part of the list, so that every fetch is all new rows.
                int elsewhere = offset < count / 2 ? count - PAGE : 0;
                List<Long> uiTimes = new ArrayList<>();
                for (int i = -5; i < rounds && count >= 2 * PAGE; i++) {
                    client.rows(elsewhere, PAGE);
                    long t = System.nanoTime();
                    int rows = client.rows(offset, PAGE);
                    if (i >= 0) {
                        uiTimes.add(System.nanoTime() - t);
                    }
                    if (rows < Math.min(PAGE, count - offset)) {
                        throw new IllegalStateException("the UI sent " + rows + " rows for a page at " + offset);
                    }
                }
                roundTrip.add(new Report.Latency(filter.getKey(), client.size(), depth, offset, uiTimes, countMillis));
                System.out.printf("%s at %.0f %% (offset %,d of %,d): service p95 %.1f ms, UI round trip p95 %.1f ms%n",
                        filter.getKey(), depth * 100, offset, count, Report.percentile(times, 95) / 1e6,
                        Report.percentile(uiTimes, 95) / 1e6);
            }
        }
        report.latency(service, roundTrip, plans);
    }

    // ---------------------------------------------------------------- 2b. other dates, sorts and filters

    /**
     * A page of 50 rows for other views than the default order: the lists on three earlier dates, a sort by each
     * column in each direction, and a country with a range of years. The first read is what the first visitor of a view waits
     * for: the count, then the page, on a read model with nothing remembered; once the first time the page is read
     * since the database started, once as after a change of the registry on a running server. Then the same page
     * again {@value #VIEW_ROUNDS} times, as later visitors get it.
     */
    /** Pages after the first read, per view and depth: few, since a page on another date takes seconds. */
    private static final int VIEW_ROUNDS = 5;

    private void otherViews(HikariDataSource dataSource) throws SQLException {
        LocalDate today = LocalDate.now(Guangzhou.ZONE);
        Map<String, DirectoryFilter> filters = new LinkedHashMap<>();
        Map<String, List<DirectorySort>> sorts = new LinkedHashMap<>();
        // Year ends, and days between them: the lists of a date are counted from the nearest year end
        // (decision record 0018), so a year end alone would flatter them.
        for (LocalDate asOf : List.of(LocalDate.of(1990, 12, 31), LocalDate.of(2012, 12, 31),
                LocalDate.of(today.getYear() - 1, 12, 31), LocalDate.of(1990, 6, 30), LocalDate.of(2012, 6, 30),
                today.minusYears(1))) {
            String name = "the lists on " + asOf;
            filters.put(name, DirectoryFilter.official(asOf));
            sorts.put(name, List.of());
        }
        for (DirectorySort.Key key : DirectorySort.Key.values()) {
            // Both directions: a descending sort has an index of its own (decision record 0016).
            for (boolean descending : List.of(false, true)) {
                String name = "sorted by " + key.name().toLowerCase(java.util.Locale.ROOT) + (descending ? ", descending" : "");
                filters.put(name, DirectoryFilter.official(today));
                sorts.put(name, List.of(new DirectorySort(key, descending)));
            }
        }
        String busiest;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "select country_iso2 from partner group by 1 order by count(*) desc limit 1")) {
            rs.next();
            busiest = rs.getString(1);
        }
        String countryAndYears = "country " + busiest + ", signed 2000–2015";
        filters.put(countryAndYears, new DirectoryFilter(null, null, Set.of(busiest), Set.of(), 2000, 2015,
                AgreementStatus.ACTIVE, today));
        sorts.put(countryAndYears, List.of());
        List<Report.ViewLatency> results = new ArrayList<>();
        for (Map.Entry<String, DirectoryFilter> view : filters.entrySet()) {
            DirectoryFilter filter = view.getValue();
            List<DirectorySort> sort = sorts.get(view.getKey());
            int count = DirectoryQueries.over(dataSource, Clock.system(Guangzhou.ZONE)).count(filter);
            for (double depth : DEPTHS) {
                int offset = Math.max(0, Math.min((int) (count * depth), count - PAGE));
                // The first time anyone reads this page since the database started: nothing remembered by the
                // read model, and the database's own caches without its pages.
                long firstEver = firstRead(dataSource, filter, sort, offset);
                // The first visitor after a change of the registry: a new read model remembers nothing, and the
                // database has the pages earlier visitors read, as a running server does.
                DirectoryQueries afterChange = DirectoryQueries.over(dataSource, Clock.system(Guangzhou.ZONE));
                long started = System.nanoTime();
                afterChange.count(filter);
                afterChange.page(filter, sort, offset, PAGE);
                long first = System.nanoTime() - started;
                List<Long> times = new ArrayList<>();
                for (int i = 0; i < VIEW_ROUNDS; i++) {
                    long t = System.nanoTime();
                    afterChange.page(filter, sort, offset, PAGE);
                    times.add(System.nanoTime() - t);
                }
                results.add(new Report.ViewLatency(view.getKey(), count, depth, offset, firstEver, first, times));
                System.out.printf("%s at %.0f %% (offset %,d of %,d): first read ever %.1f ms, after a change %.1f ms, "
                        + "then p95 %.1f ms%n", view.getKey(), depth * 100, offset, count, firstEver / 1e6, first / 1e6,
                        Report.percentile(times, 95) / 1e6);
            }
        }
        report.otherViews(results);
    }

    /** A count and a page on a new read model: what the first visitor of a view waits for. */
    private static long firstRead(HikariDataSource dataSource, DirectoryFilter filter, List<DirectorySort> sort, int offset) {
        DirectoryQueries fresh = DirectoryQueries.over(dataSource, Clock.system(Guangzhou.ZONE));
        long started = System.nanoTime();
        fresh.count(filter);
        fresh.page(filter, sort, offset, PAGE);
        return System.nanoTime() - started;
    }

    // ---------------------------------------------------------------- 1. memory per visitor

    private void memoryPerVisitor(AppProcess app, Path helloJar, Path appJar) throws Exception {
        Visitors ours = visitors(app);
        Visitors hello;
        try (AppProcess reference = AppProcess.start(helloJar, Map.of(), List.of(), log("hello-memory"))) {
            hello = visitors(reference);
        }
        System.out.printf("Memory: %,d bytes per visitor (hello-world: %,d)%n", ours.perVisitor(), hello.perVisitor());
        report.memory(sessions, ours.baseline(), ours.after(), ours.openMillis(), ours.growth(), hello.perVisitor());

        // The same as real browsers do it, on this data set and on the official list alone.
        BrowserMemory.Result browsers = BrowserMemory.measure(app, browserVisitors, Benchmark::histogram);
        System.out.printf("Memory in Chromium (million): %,d bytes per visitor (%,d with their connections open)%n",
                browsers.perVisitor(), (browsers.withConnections() - browsers.baseline()) / browsers.visitors());
        Visitors officialClient;
        BrowserMemory.Result officialBrowsers;
        List<String> growth = diff(browsers.before(), browsers.afterHistogram(), browsers.visitors());
        growth.forEach(System.out::println);
        // Every class's growth, for a closer look than the report's top 15.
        StringBuilder all = new StringBuilder();
        browsers.afterHistogram().forEach((type, bytes) -> all.append(type).append('\t')
                .append(bytes - browsers.before().getOrDefault(type, 0L)).append('\n'));
        browsers.before().forEach((type, bytes) -> {
            if (!browsers.afterHistogram().containsKey(type)) {
                all.append(type).append('\t').append(-bytes).append('\n');
            }
        });
        Files.writeString(root.resolve("bench/target/logs/browser-memory-growth.tsv"), all);
        // The other public views, as browsers open them on the same data set.
        Map<String, BrowserMemory.Result> views = new LinkedHashMap<>();
        for (BrowserMemory.View view : List.of(BrowserMemory.View.STATISTICS, BrowserMemory.View.MAP)) {
            BrowserMemory.Result result = BrowserMemory.measure(app, browserVisitors, Benchmark::histogram, view);
            System.out.printf("Memory in Chromium (million), %s: %,d bytes per visitor%n", view.path, result.perVisitor());
            views.put(view.path, result);
        }
        // The official list alone: the application's first start on a database of its own, beside the data set.
        try (HikariDataSource admin = dataSource(); Connection connection = admin.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists official_list");
            statement.execute("create database official_list");
        }
        Map<String, String> officialOnly = new HashMap<>(appEnvironment());
        officialOnly.put("SPRING_DATASOURCE_URL", officialListUrl());
        try (AppProcess official = AppProcess.start(appJar, officialOnly, List.of(), log("official-memory"))) {
            officialClient = visitors(official);
            officialBrowsers = BrowserMemory.measure(official, browserVisitors, Benchmark::histogram);
        }
        System.out.printf("Memory in Chromium (official list): %,d bytes per visitor%n", officialBrowsers.perVisitor());
        report.browserMemory(browsers, ours.perVisitor(), officialBrowsers, officialClient.perVisitor(), growth);
        report.viewMemory(views);
    }

    /** The data set's database server, another database on it. */
    private String officialListUrl() {
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        return path.substring(0, path.lastIndexOf('/') + 1) + "official_list" + (query < 0 ? "" : url.substring(query));
    }

    record Visitors(long baseline, long after, long openMillis, List<String> growth, long perVisitor) {
    }

    /** Live heap per visitor of {@code /}: {@link #sessions} visitors over HTTP, each with its own session. */
    private Visitors visitors(AppProcess app) throws Exception {
        for (int i = 0; i < 20; i++) {
            // Warm-up visitors: classes loaded, caches filled and code compiled before the baseline.
            VaadinClient visitor = new VaadinClient(app.base());
            visitor.open("");
            visitor.disconnect();
        }
        long baseline = app.settledLiveHeap();
        Map<String, Long> before = histogram(app);
        long started = System.nanoTime();
        for (int i = 0; i < sessions; i++) {
            VaadinClient visitor = new VaadinClient(app.base());
            visitor.open("");
            // The session and its UI stay on the server; an open connection would add Tomcat's buffers.
            visitor.disconnect();
        }
        long openMillis = (System.nanoTime() - started) / 1_000_000;
        long after = app.settledLiveHeap();
        Map<String, Long> afterHistogram = histogram(app);
        return new Visitors(baseline, after, openMillis, diff(before, afterHistogram, sessions), (after - baseline) / sessions);
    }

    private static Map<String, Long> histogram(AppProcess app) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(app.process.pid()), "GC.class_histogram").redirectErrorStream(true).start();
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (String line : new String(jcmd.getInputStream().readAllBytes()).lines().toList()) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 4 && fields[0].endsWith(":")) {
                bytes.merge(fields[3], Long.parseLong(fields[2]), Long::sum);
            }
        }
        jcmd.waitFor();
        return bytes;
    }

    /** The classes whose live bytes grew most, per visitor. */
    private static List<String> diff(Map<String, Long> before, Map<String, Long> after, int visitors) {
        List<Map.Entry<String, Long>> growth = new ArrayList<>();
        for (Map.Entry<String, Long> entry : after.entrySet()) {
            growth.add(Map.entry(entry.getKey(), entry.getValue() - before.getOrDefault(entry.getKey(), 0L)));
        }
        growth.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        return growth.stream().limit(15)
                .map(e -> String.format("| `%s` | %,d |", e.getKey(), e.getValue() / visitors)).toList();
    }

    // ---------------------------------------------------------------- 3. CSV export

    private void csvExport(HikariDataSource dataSource, AppProcess app) throws Exception {
        String copy = """
                copy (select p.id, case s.kind when 'SISTER_CITY' then 'sister' else 'exchange' end, d.before + s.seq_in_day,
                             p.name_zh, p.name_en, c.name_zh, c.name_en, c.iso2, lower(c.continent), lower(p.admin_level),
                             s.signed_on, lower(s.status), p.latitude, p.longitude, p.geonames_id, p.wikidata_qid
                      from partner_standing s join partner p on p.id = s.partner_id join country c on c.iso2 = p.country_iso2
                      -- 序 as the application adds it up: the counts of the list's earlier days, plus the position.
                      left join (select list_rank, signed_on,
                                        sum(active) over (partition by list_rank order by signed_on) - active as before
                                 from standing_day_count) d
                        on d.list_rank = s.list_rank and d.signed_on = s.signed_on and s.status = 'ACTIVE'
                      order by s.list_rank, s.status <> 'ACTIVE', s.signed_on, p.id)
                to stdout with (format csv, header)
                """;
        long copyBytes = 0;
        long copyNanos = 0;
        long copyFirstByte = 0;
        for (int i = 0; i < 2; i++) {
            try (Connection connection = dataSource.getConnection()) {
                long started = System.nanoTime();
                Counting out = new Counting(started);
                connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copy, out);
                copyNanos = System.nanoTime() - started;
                copyBytes = out.bytes;
                copyFirstByte = out.firstByte - started;
            }
        }
        URI csv = URI.create(app.base() + "/export/partners.csv?status=all&bom=false");
        long rows = scalar(dataSource, "select count(*) from partner_standing");
        Export timed = null;
        for (int i = 0; i < 2; i++) {
            timed = export(csv, -1, app);
        }
        long baseline = app.liveHeap();
        Export sampled = export(csv, copyBytes / 2, app);
        report.csv(rows, copyBytes, copyNanos, copyFirstByte, timed.bytes, timed.nanos, timed.firstByte,
                baseline, sampled.heapMidway);
        System.out.printf("CSV: %,d bytes in %,d ms (first byte %,d ms); COPY %,d bytes in %,d ms; heap growth %,d bytes%n",
                timed.bytes, timed.nanos / 1_000_000, timed.firstByte / 1_000_000, copyBytes, copyNanos / 1_000_000,
                sampled.heapMidway - baseline);

        // The same rows as an Excel workbook: its time, and the live heap halfway through, against the same baseline.
        URI xlsx = URI.create(app.base() + "/export/partners.xlsx?status=all");
        Export workbook = export(xlsx, -1, app);
        long xlsxBaseline = app.liveHeap();
        Export xlsxSampled = export(xlsx, workbook.bytes / 2, app);
        report.line("Excel download of the same %,d rows (`/export/partners.xlsx?status=all`): %,.1f MB in %,.1f s "
                        + "(first byte after %,d ms); live heap halfway through %+,.1f MB against before it started",
                rows, workbook.bytes / 1e6, workbook.nanos / 1e9, workbook.firstByte / 1_000_000,
                (xlsxSampled.heapMidway - xlsxBaseline) / 1e6);
    }

    record Export(long bytes, long nanos, long firstByte, long heapMidway) {
    }

    /** Reads the whole download; with {@code pauseAt} ≥ 0, takes the live heap once that many bytes are in. */
    private Export export(URI csv, long pauseAt, AppProcess app) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(csv).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long firstByte = 0;
        long bytes = 0;
        long heap = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = response.body()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (bytes == 0 && read > 0) {
                    firstByte = System.nanoTime() - started;
                }
                bytes += read;
                if (pauseAt >= 0 && heap == 0 && bytes >= pauseAt) {
                    heap = app.liveHeap();
                }
            }
        }
        if (response.statusCode() != 200) {
            throw new IOException(csv + " answered " + response.statusCode());
        }
        return new Export(bytes, System.nanoTime() - started, firstByte, heap);
    }

    private static final class Counting extends OutputStream {
        final long started;
        long bytes;
        long firstByte;

        Counting(long started) {
            this.started = started;
        }

        @Override
        public void write(int b) {
            count(1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count(len);
        }

        private void count(int n) {
            if (bytes == 0) {
                firstByte = System.nanoTime();
            }
            bytes += n;
        }
    }

    // ---------------------------------------------------------------- helpers

    private AppProcess startApp(Path jar, String name) throws IOException, InterruptedException {
        return startApp(jar, name, List.of());
    }

    private AppProcess startApp(Path jar, String name, List<String> jvmOptions) throws IOException, InterruptedException {
        return AppProcess.start(jar, appEnvironment(), jvmOptions, log(name));
    }

    private Map<String, String> appEnvironment() {
        return Map.of(
                "SPRING_PROFILES_ACTIVE", "prod",
                "SPRING_DATASOURCE_URL", url,
                "SPRING_DATASOURCE_USERNAME", user,
                "SPRING_DATASOURCE_PASSWORD", password,
                "APP_ADMIN_PASSWORD", "bench-administrator-1");
    }

    private Path log(String name) {
        return root.resolve("bench/target/logs/" + name + ".log");
    }

    private HikariDataSource dataSource() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(4);
        // As the application's pool does (EmbeddedDatabaseConfiguration.CUSTOM_PLANS).
        dataSource.setConnectionInitSql("set plan_cache_mode = force_custom_plan");
        return dataSource;
    }

    private static EmbeddedPostgres startEmbedded(Path directory) throws IOException {
        Path version = directory.resolve("PG_VERSION");
        if (Files.exists(version) && !Files.readString(version).strip().equals("18")) {
            throw new IllegalStateException(directory + " holds a PostgreSQL " + Files.readString(version).strip()
                    + " database; this benchmark runs PostgreSQL 18. Delete the folder to generate the data again.");
        }
        Files.createDirectories(directory);
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("work_mem", "16MB")
                .setServerConfig("max_wal_size", "4GB")
                .start();
    }

    private static long scalar(HikariDataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Path onlyJar(Path directory, String prefix) throws IOException {
        try (var files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + prefix + "*.jar in " + directory
                            + ": build it first (bench/run.sh does)"));
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static Map<String, String> machine(HikariDataSource dataSource) throws Exception {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("date", ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME));
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        machine.put("CPU", cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).getFirst().replaceAll("\\s+", " ");
        machine.put("memory", memory);
        machine.put("Java", System.getProperty("java.vm.name") + " " + Runtime.version());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select version()")) {
            rows.next();
            machine.put("PostgreSQL", rows.getString(1));
        }
        machine.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return machine;
    }

    /**
     * The directory's live heap per open UI in Chromium on the data set, and nothing else: the one figure
     * of the memory measurement, a few minutes rather than half an hour, to be taken several times over.
     */
    private void directoryMemory(AppProcess app) throws Exception {
        for (int run = 1; run <= setting("MEMORY_RUNS", 3); run++) {
            BrowserMemory.Result browsers = BrowserMemory.measure(app, browserVisitors, Benchmark::histogram);
            report.line("Directory in Chromium (data set), run %d: %,.1f KB per open UI (%d visitors, %,d ms to open all)",
                    run, browsers.perVisitor() / 1024.0, browsers.visitors(), browsers.openMillis());
            diff(browsers.before(), browsers.afterHistogram(), browsers.visitors()).forEach(System.out::println);
        }
    }

    /** A measurement taken only when BENCH_ONLY names it. */
    private static boolean named(String name) {
        String only = System.getenv("BENCH_ONLY");
        return only != null && List.of(only.split(",")).contains(name);
    }

    /** BENCH_ONLY=memory,csv (of writes, start, latency, views, memory, csv, firstload, life) takes only those measurements. */
    private static boolean measure(String name) {
        String only = System.getenv("BENCH_ONLY");
        return only == null || only.isBlank() || List.of(only.split(",")).contains(name);
    }

    /** A setting from the environment ({@code BENCH_<NAME>}), so that run.sh and Maven pass it as they are. */
    private static int setting(String name, int otherwise) {
        String value = System.getenv("BENCH_" + name);
        return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.replace("_", ""));
    }
}
