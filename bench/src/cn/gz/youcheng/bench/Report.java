package cn.gz.youcheng.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The results file: each figure beside its target and its reference, then the evidence behind it. */
final class Report {

    record Latency(String filter, int rows, double depth, int offset, List<Long> nanos, long countMillis) {
    }

    record ViewLatency(String view, int rows, double depth, int offset, long firstEverNanos, long firstNanos,
            List<Long> nanos) {
    }

    record Resource(String url, String type, long transferred, long decoded) {
    }

    private final StringBuilder summary = new StringBuilder();
    private final StringBuilder details = new StringBuilder();
    private final List<String> notes = new ArrayList<>();
    private Map<String, String> machine = Map.of();
    private Map<String, Long> dataset = Map.of();

    void machine(Map<String, String> machine) {
        this.machine = machine;
    }

    void dataset(Map<String, Long> dataset) {
        this.dataset = dataset;
    }

    void line(String pattern, Object... args) {
        notes.add(String.format(pattern, args));
        System.out.println(String.format(pattern, args));
    }

    void writes(Map<String, List<Long>> nanos) {
        double worst = nanos.values().stream().mapToDouble(times -> percentile(times, 95)).max().orElse(0) / 1e6;
        target("Writes: worst p95 of the write path (one statement, its triggers included)",
                String.format("%.1f ms", worst), "≤ 50 ms", worst <= 50);
        details.append("\n## The write path\n\nOne statement each (with the status change the service writes beside "
                + "an agreement or an end), its triggers keeping today's standings, the day counts, the positions "
                + "within a day and the periods of each standing included, each in its own transaction, rolled back "
                + "after (not committed); the agreement a write changes is chosen before the clock starts. One untimed "
                + "run, then 20 timed. A VACUUM ANALYZE of the tables they touched follows, as autovacuum would, before "
                + "any read is measured:\n\n| write | p50 | p95 |\n|---|---|---|\n");
        nanos.forEach((write, times) -> details.append(String.format("| %s | %.1f ms | %.1f ms |%n", write,
                percentile(times, 50) / 1e6, percentile(times, 95) / 1e6)));
    }

    void coldStart(long app, long hello, List<Long> apps, List<Long> hellos) {
        double ratio = (double) app / hello;
        target("4. Cold start of the production jar to the first HTTP 200 on `/` (median)",
                String.format("%,d ms (hello-world %,d ms): **%.2f ×**", app, hello, ratio), "≤ 1.5 × the hello-world",
                ratio <= 1.5);
        details.append("\n## 4. Cold start\n\nEach run starts `java -jar` (JDK ").append(Runtime.version().feature())
                .append(", default options, `SPRING_PROFILES_ACTIVE=prod`) and polls `/` every 10 ms until it answers 200. ")
                .append("The hello-world (`bench/hello`) is Spring Boot + Vaadin with one `@Route` and no database, built ")
                .append("in the same run with the same parent, Vaadin version and production profile. Runs alternate.\n\n")
                .append("| run | hello-world | Youcheng |\n|---|---|---|\n");
        for (int i = 0; i < apps.size(); i++) {
            details.append(String.format("| %d | %,d ms | %,d ms |%n", i + 1, hellos.get(i), apps.get(i)));
        }
    }

    void startupAnalysis(Map<String, Integer> app, Map<String, Integer> hello, List<Long> appCached,
            List<Long> helloCached, long appClasses, long helloClasses) {
        details.append(String.format("%nClasses loaded by the first HTTP 200: Youcheng %,d, hello-world %,d (%.2f ×).%n",
                appClasses, helloClasses, (double) appClasses / helloClasses));
        List<Long> a = new ArrayList<>(appCached);
        List<Long> h = new ArrayList<>(helloCached);
        Collections.sort(a);
        Collections.sort(h);
        long appMedian = a.get(a.size() / 2);
        long helloMedian = h.get(h.size() / 2);
        details.append(String.format("%nBoth again from the extracted layout (`java -Djarmode=tools -jar … extract`) with "
                + "JDK 25's AOT cache (`-XX:AOTCacheOutput` from a training start that stops after the context is up, "
                + "then `-XX:AOTCache`): hello-world %s ms, Youcheng %s ms, medians %,d and %,d ms: **%.2f ×**.%n",
                h, a, helloMedian, appMedian, (double) appMedian / helloMedian));
        details.append("\nWhere one plain start's CPU time goes (JFR execution samples of all threads, each counted for "
                + "the first framework on its stack from the top, so that class loading and Spring's bean machinery "
                + "count for the framework that caused them; the generic rows are samples with no framework "
                + "above them):\n\n"
                + "| part | Youcheng samples | hello-world samples |\n|---|---|---|\n");
        java.util.Set<String> parts = new java.util.LinkedHashSet<>(app.keySet());
        parts.addAll(hello.keySet());
        for (String part : parts) {
            details.append(String.format("| %s | %,d | %,d |%n", part, app.getOrDefault(part, 0), hello.getOrDefault(part, 0)));
        }
        details.append(String.format("| **all** | %,d | %,d |%n", app.values().stream().mapToInt(Integer::intValue).sum(),
                hello.values().stream().mapToInt(Integer::intValue).sum()));
    }

    void latency(List<Latency> service, List<Latency> roundTrip, Map<String, String> plans) {
        double worstService = service.stream().mapToDouble(l -> percentile(l.nanos(), 95)).max().orElse(0) / 1e6;
        double worstUi = roundTrip.stream().filter(l -> !l.nanos().isEmpty())
                .mapToDouble(l -> percentile(l.nanos(), 95)).max().orElse(0) / 1e6;
        target("2. Grid page of 50 rows, worst p95 over every depth and filter: query service",
                String.format("%.1f ms", worstService), "≤ 30 ms", worstService <= 30);
        target("2. Grid page of 50 rows, worst p95 over every depth and filter: one UI round trip over HTTP",
                String.format("%.1f ms", worstUi), "≤ 30 ms", worstUi <= 30);
        details.append("\n## 2. Grid fetch latency\n\nA page is 50 rows at the given depth of the filter's rows. ")
                .append("*Query service*: `DirectoryQueries.page` in this process on a connection pool, as the grid's ")
                .append("data callback calls it. *UI round trip*: the grid's own `setViewportRange` call posted to a ")
                .append("directory UI of the running production jar (`VaadinClient`), until its response with the rows ")
                .append("is read (the confirmation the browser then sends is not timed; between two timed fetches the visitor jumps to ")
                .append("the other end of the list, so that every timed fetch brings 50 new rows). A filter with fewer than ")
                .append("100 rows has nothing to scroll to: *n/a*. 5 warm-up and ")
                .append(service.isEmpty() ? 0 : service.getFirst().nanos().size()).append(" measured fetches each.\n\n")
                .append("| filter | rows | count once (ms) | depth | offset | service p50 | service p95 | UI p50 | UI p95 |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < service.size(); i++) {
            Latency s = service.get(i);
            Latency u = roundTrip.get(i);
            details.append(String.format("| %s | %,d | %,d | %.0f %% | %,d | %s | %s | %s | %s |%n",
                    s.filter(), s.rows(), s.countMillis(), s.depth() * 100, s.offset(), millis(s.nanos(), 50),
                    millis(s.nanos(), 95), millis(u.nanos(), 50), millis(u.nanos(), 95)));
        }
        details.append("\n### Query plans (EXPLAIN (ANALYZE, BUFFERS) of the statements the query service sent)\n");
        for (Map.Entry<String, String> plan : plans.entrySet()) {
            details.append("\n#### ").append(plan.getKey()).append("\n\n```\n").append(plan.getValue().strip())
                    .append("\n```\n");
        }
    }

    void memory(int sessions, long baseline, long after, long openMillis, List<String> growth, long hello) {
        long perVisitor = (after - baseline) / sessions;
        target("1. Live heap per open public directory UI (after full GC)",
                String.format("%,.1f KB (hello-world's one-heading UI: %,.1f KB)", perVisitor / 1024.0, hello / 1024.0),
                "≤ 150 KB", perVisitor <= 150 * 1024);
        details.append(String.format("%n## 1. Memory per public visitor%n%n%d visitors opened `/` over HTTP, one after "
                + "the other (%,d ms in all), each with its own session: bootstrap page, init request, navigation, "
                + "the grid's confirmation and its first request for rows, as Chromium does. Live heap after full "
                + "collections until it stops shrinking (`jcmd GC.class_histogram`), after 20 warm-up visitors: %,d bytes before, %,d after: "
                + "**%,d bytes per visitor**. The same with the hello-world (one heading, no grid, same Vaadin): %,d "
                + "bytes per visitor: Vaadin's own floor for a session with one UI.%n%nWhere it goes (growth per visitor by class, top 15):%n%n"
                + "| class | bytes per visitor |%n|---|---|%n", sessions, openMillis, baseline, after, perVisitor, hello));
        growth.forEach(row -> details.append(row).append('\n'));
    }

    void browserMemory(BrowserMemory.Result million, long millionClient, BrowserMemory.Result official,
            long officialClient, List<String> growth) {
        long perUi = million.perVisitor();
        target("1. Live heap per open public directory UI, real Chromium visitors (after full GC)",
                String.format("%,.1f KB (official list alone: %,.1f KB)", perUi / 1024.0, official.perVisitor() / 1024.0),
                "≤ 150 KB", perUi <= 150 * 1024 && official.perVisitor() <= 150 * 1024);
        details.append(String.format("%n### As a browser measures it%n%n%d headless Chromium visitors opened `/`, each in "
                        + "its own browser context (its own session), half in Chinese (`zh-CN`), half in English, one "
                        + "after the other, each until the grid showed rows and the network was idle, and were kept "
                        + "open while the live heap was read (after as many warm-up visitors, opened together and then closed, "
                        + "so that Tomcat's cache of connection channels and buffers was as full as these visitors need): once "
                        + "right after the last one opened, with the browser's keep-alive connections still open, and "
                        + "once they were closed for idleness (65 s later; an open tab's next request is its heartbeat, "
                        + "after 5 minutes). The figure is the second. "
                        + "Beside it, the protocol client's figure from the same application:%n%n"
                        + "| data set | Chromium per UI | with connections open | protocol client per UI | client / Chromium |%n"
                        + "|---|---|---|---|---|%n",
                million.visitors()));
        for (var row : List.of(Map.entry("the million agreements", Map.entry(million, millionClient)),
                Map.entry("the official list alone", Map.entry(official, officialClient)))) {
            BrowserMemory.Result result = row.getValue().getKey();
            long client = row.getValue().getValue();
            details.append(String.format("| %s (%,d ms to open all) | %,.1f KB | %,.1f KB | %,.1f KB | %.0f %% |%n",
                    row.getKey(), result.openMillis(), result.perVisitor() / 1024.0,
                    (result.withConnections() - result.baseline()) / result.visitors() / 1024.0, client / 1024.0,
                    100.0 * client / result.perVisitor()));
        }
        details.append("\nWhere a Chromium visitor's UI goes (the million agreements; growth per visitor by class, top 15):\n\n"
                + "| class | bytes per visitor |\n|---|---|\n");
        growth.forEach(row -> details.append(row).append('\n'));
    }

    /** The statistics and the map, opened by as many Chromium visitors as the directory, on the same data set. */
    void viewMemory(Map<String, BrowserMemory.Result> views) {
        details.append("\nThe other public views, opened the same way by as many Chromium visitors on the million "
                + "agreements (the statistics until the per-year chart is drawn, the map until its points are):\n\n"
                + "| view | Chromium per UI | with connections open |\n|---|---|---|\n");
        views.forEach((path, result) -> details.append(String.format("| `%s` (%,d ms to open all) | %,.1f KB | %,.1f KB |%n",
                path, result.openMillis(), result.perVisitor() / 1024.0,
                (result.withConnections() - result.baseline()) / result.visitors() / 1024.0)));
    }

    void otherViews(List<ViewLatency> views) {
        double worst = views.stream().mapToDouble(v -> Math.max(v.firstNanos(), percentile(v.nanos(), 95))).max()
                .orElse(0) / 1e6;
        double worstEver = views.stream().mapToDouble(ViewLatency::firstEverNanos).max().orElse(0) / 1e6;
        target("2b. Page of 50 rows on another date, in any sort, for a country and years: worst of the first read "
                + "after a change and the p95 after", String.format("%,.1f ms (the first read since the database "
                + "started: up to %,.1f ms)", worst, worstEver), "≤ 100 ms", worst <= 100);
        details.append("\n## 2b. Other dates, sorts and filters\n\nA page of 50 rows at the given depth, at the query "
                + "service (`DirectoryQueries`, in this process). Each first read counts the view and reads the page "
                + "on a new read model with nothing remembered. *First read ever*: the first time the page is read "
                + "since the database started, so its pages come from disk or the operating system's cache. *After a "
                + "change*: the same again, as the first visitor after a change of the registry on a running server "
                + "gets it (the database has the pages earlier visitors read). *Then*: the same page 5 more times.\n\n"
                + "| view | rows | depth | offset | first read ever | after a change | then p50 | then p95 |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (ViewLatency v : views) {
            details.append(String.format("| %s | %,d | %.0f %% | %,d | %,.1f ms | %,.1f ms | %.1f ms | %.1f ms |%n",
                    v.view(), v.rows(), v.depth() * 100, v.offset(), v.firstEverNanos() / 1e6, v.firstNanos() / 1e6,
                    percentile(v.nanos(), 50) / 1e6, percentile(v.nanos(), 95) / 1e6));
        }
    }

    void csv(long rows, long copyBytes, long copyNanos, long copyFirstByte, long bytes, long nanos, long firstByte,
            long baseline, long midway) {
        double copyRate = copyBytes / (copyNanos / 1e9) / 1e6;
        double rate = bytes / (nanos / 1e9) / 1e6;
        double share = rate / copyRate;
        target("3. CSV export of every partner: throughput against PostgreSQL's COPY of the same columns",
                String.format("%.1f MB/s vs %.1f MB/s: **%.0f %%**", rate, copyRate, share * 100), "≥ 50 %", share >= 0.5);
        target("3. CSV export: live heap growth midway", String.format("%.1f MB", (midway - baseline) / 1e6), "≤ 20 MB",
                midway - baseline <= 20_000_000);
        target("3. CSV export: first byte", String.format("%,d ms", firstByte / 1_000_000), "< 1 s",
                firstByte < 1_000_000_000L);
        details.append(String.format("%n## 3. CSV export%n%n`GET /export/partners.csv?status=all&bom=false` (%,d partners, "
                + "every standing) read to the end over HTTP, against `COPY (SELECT …) TO STDOUT WITH (FORMAT csv)` of "
                + "the same columns, rows and order through JDBC in this process. Best of two runs each.%n%n"
                + "| | bytes | time | throughput | rows/s | first byte |%n|---|---|---|---|---|---|%n"
                + "| application | %,d | %,d ms | %.1f MB/s | %,.0f | %,d ms |%n"
                + "| COPY | %,d | %,d ms | %.1f MB/s | %,.0f | %,d ms |%n%n"
                + "Live heap of the application (after a full collection) before the download: %,d bytes; with the "
                + "download half read: %,d bytes.%n",
                rows, bytes, nanos / 1_000_000, rate, rows / (nanos / 1e9), firstByte / 1_000_000,
                copyBytes, copyNanos / 1_000_000, copyRate, rows / (copyNanos / 1e9), copyFirstByte / 1_000_000,
                baseline, midway));
    }

    void firstLoad(List<Resource> resources, List<Long> gridMillis) {
        long js = resources.stream().filter(r -> r.type().equals("script")).mapToLong(Resource::transferred).sum();
        long css = resources.stream().filter(r -> r.type().equals("stylesheet")).mapToLong(Resource::transferred).sum();
        long all = resources.stream().mapToLong(Resource::transferred).sum();
        target("5. First load of `/`: JavaScript transferred (compressed)", String.format("%,.0f KB (CSS %,.0f KB, all %,.0f KB)",
                js / 1024.0, css / 1024.0, all / 1024.0), "≤ 440 KB (Vaadin's Bakery demo)", js <= 440 * 1024);
        List<Long> sorted = new ArrayList<>(gridMillis);
        Collections.sort(sorted);
        target("5. First load: time to a rendered grid in headless Chromium (median)",
                String.format("%,d ms", sorted.get(sorted.size() / 2)), "(reported)", true);
        details.append("\n## 5. First load\n\nHeadless Chromium, a new browser context (empty cache) per run, `/` until "
                + "the grid shows its first row of data; times from navigation start: ").append(gridMillis)
                .append(" ms. Resources of the first run (bytes on the wire, and decoded):\n\n"
                        + "| resource | type | transferred | decoded |\n|---|---|---|---|\n");
        for (Resource resource : resources) {
            details.append(String.format("| `%s` | %s | %,d | %,d |%n", resource.url(), resource.type(),
                    resource.transferred(), resource.decoded()));
        }
    }

    private void target(String what, String measured, String target, boolean met) {
        summary.append("| ").append(what).append(" | ").append(measured).append(" | ").append(target).append(" | ")
                .append(met ? "met" : "**missed**").append(" |\n");
    }

    String markdown() {
        StringBuilder out = new StringBuilder("# Benchmark results\n\n");
        out.append("Written by `bench/run.sh` (see bench/README.md). Figures are of one run on this machine.\n\n## Machine\n\n");
        machine.forEach((k, v) -> out.append("- ").append(k).append(": ").append(v).append('\n'));
        out.append("\n## Dataset\n\n");
        dataset.forEach((k, v) -> out.append(String.format("- %s: %,d%n", k, v)));
        notes.forEach(n -> out.append("- ").append(n).append('\n'));
        out.append("\n## Figures and targets\n\n| measurement | result | target | |\n|---|---|---|---|\n").append(summary);
        return out.append(details).toString();
    }

    private static String millis(List<Long> nanos, int percentile) {
        return nanos.isEmpty() ? "n/a" : String.format("%.1f ms", percentile(nanos, percentile) / 1e6);
    }

    void life(double pageP50, double pageP95, int partners, int exchanges, int dormant, long countMillis,
            double dormancyP95, List<String> dormancyRows, long downloadMillis, long heapBefore, long heapHalfway,
            long uploadMillis, long uploadHeapBefore, long uploadHeapHalfway, int documentBytes) {
        target("Issue 15: the public partner page's data fetch p95 (the partner, its published exchanges and documents, "
                + "next anniversary, dormancy)", String.format("%.1f ms", pageP95), "≤ 50 ms", pageP95 <= 50);
        target("Issue 15: the admin dormancy filter's page p95 (worst depth)", String.format("%.1f ms", dormancyP95),
                "≤ 50 ms", dormancyP95 <= 50);
        double growth = (heapHalfway - heapBefore) / 1048576.0;
        target("Issue 15: a 20 MB document downloaded over HTTP, the server's live heap halfway through",
                String.format("%,d ms; %+.1f MB", downloadMillis, growth), "streamed: far below the file's 20 MB",
                growth < documentBytes / 1048576.0 / 4);
        double uploadGrowth = (uploadHeapHalfway - uploadHeapBefore) / 1048576.0;
        target("Issue 15: a 20 MB document uploaded by an officer, the server's live heap halfway through",
                String.format("%,d ms; %+.1f MB", uploadMillis, uploadGrowth), "streamed: far below the file's 20 MB",
                uploadGrowth < documentBytes / 1048576.0 / 4);
        details.append(String.format("%n## The life of a partnership (issue 15)%n%nThe data set's exchanges are generated "
                + "five per partner on average (none to ten), four in five published. The partner page's reads, "
                + "in the benchmark's process with the application's read model over the same database, for %d partners "
                + "spread over the ids (%,d exchanges read): p50 %.1f ms, p95 %.1f ms. Every read the page makes is in "
                + "it: the partner with its agreements and history, its published exchanges, its published documents, "
                + "its next round anniversary, and whether it is dormant (with the public setting on: the worst case).%n",
                partners, exchanges, pageP50, pageP95));
        details.append(String.format("%nThe dormancy filter of the admin area: %,d dormant partners, counted in %,d ms the "
                + "first time (then kept per registry version and day); a page of 50 at each depth:%n%n"
                + "| depth | p50 | p95 |%n|---|---|---|%n", dormant, countMillis));
        dormancyRows.forEach(row -> details.append(row).append('\n'));
        details.append(String.format("%nA published %,d-byte PDF, written into a large object as the application writes "
                + "one, downloaded from the production jar over HTTP: %,d ms. The server's live heap (after a full "
                + "collection) before the request %.1f MB, with half the file read by the client %.1f MB (%+.1f MB).%n",
                documentBytes, downloadMillis, heapBefore / 1048576.0, heapHalfway / 1048576.0, growth));
        details.append(String.format("%nThe same size attached as an officer attaches one: signed in with Chromium, the "
                + "partner editor's attach dialog open, the file posted to the dialog's upload address with the "
                + "session's cookie. %,d ms until the document was in the database; the server's live heap before "
                + "%.1f MB, with half the file sent (the sender waiting) %.1f MB (%+.1f MB).%n", uploadMillis,
                uploadHeapBefore / 1048576.0, uploadHeapHalfway / 1048576.0, uploadGrowth));
    }

    static double percentile(List<Long> values, int percentile) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
