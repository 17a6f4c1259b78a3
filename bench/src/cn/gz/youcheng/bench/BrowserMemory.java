package cn.gz.youcheng.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measurement 1 as a browser measures it: real Chromium visitors on {@code /} (or on the statistics or the
 * map), each in its own browser context (its own cookies, so its own session), kept open while the server's
 * live heap is read. Half ask for Chinese, half for English, as the visitors of a Chinese city's registry would.
 */
final class BrowserMemory {

    /** A public view and what shows that it is drawn: the grid's rows, or the chart's series. */
    enum View {
        DIRECTORY("/", """
                () => [...document.querySelectorAll('vaadin-grid vaadin-grid-cell-content')]
                        .some(cell => /\\d{4}/.test(cell.textContent))
                """),
        STATISTICS("/statistics", chartDrawn("#chart-per-year")),
        MAP("/map", chartDrawn("#partner-map"));

        final String path;
        final String drawn;

        View(String path, String drawn) {
            this.path = path;
            this.drawn = drawn;
        }

        private static String chartDrawn(String selector) {
            return "() => { const c = document.querySelector('" + selector + "')?.chart;"
                    + " return c && c.getOption() && c.getOption().series && c.getOption().series.length > 0; }";
        }
    }

    private static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");

    /** Longer than the server's keep-alive timeout for idle connections. */
    static final long IDLE_MILLIS = 65_000;

    /**
     * The live heap before the visitors, with all of them open ({@code withConnections}, read right after the
     * last one opened) and once their connections were closed for idleness ({@code after}).
     */
    record Result(int visitors, long baseline, long withConnections, long after, long openMillis, Map<String, Long> before,
            Map<String, Long> afterHistogram) {

        long perVisitor() {
            return (after - baseline) / visitors;
        }
    }

    /** What the server holds for each of {@code visitors} open directory pages, after a few warm-up visitors. */
    static Result measure(AppProcess app, int visitors, Histogram histogram) throws IOException, InterruptedException {
        return measure(app, visitors, histogram, View.DIRECTORY);
    }

    /** What the server holds for each of {@code visitors} open pages of a view, after as many warm-up visitors. */
    static Result measure(AppProcess app, int visitors, Histogram histogram, View view)
            throws IOException, InterruptedException {
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", Files.exists(SYSTEM_CHROMIUM) ? "1" : "0")))) {
            BrowserType.LaunchOptions options = new BrowserType.LaunchOptions()
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run",
                            // Pages in the background keep their heartbeats as a visitor's open tab does.
                            "--disable-background-timer-throttling", "--disable-renderer-backgrounding"));
            if (Files.exists(SYSTEM_CHROMIUM)) {
                options.setExecutablePath(SYSTEM_CHROMIUM);
            }
            try (Browser browser = playwright.chromium().launch(options)) {
                // Warm-up visitors, as many as will be measured and open at once: classes loaded, code compiled,
                // and Tomcat's cache of connection channels and their buffers (16 KB each) filled to what that
                // many browsers' connections need, as on a server that has served browsers before. Without it,
                // the cache's growth (several connections per browser) was counted as the UIs' (60 KB each).
                List<BrowserContext> warmUp = new ArrayList<>();
                for (int i = 0; i < visitors; i++) {
                    warmUp.add(open(browser, app.base(), i, view));
                }
                for (BrowserContext context : warmUp) {
                    // Closing the page ends its UI; its session stays, in the baseline.
                    context.pages().getFirst().close(new Page.CloseOptions().setRunBeforeUnload(true));
                    context.close();
                }
                long baseline = app.settledLiveHeap();
                Map<String, Long> before = histogram.read(app);
                List<BrowserContext> open = new ArrayList<>();
                long started = System.nanoTime();
                for (int i = 0; i < visitors; i++) {
                    open.add(open(browser, app.base(), i, view));
                }
                long openMillis = (System.nanoTime() - started) / 1_000_000;
                for (BrowserContext context : open) {
                    if (context.cookies().stream().noneMatch(cookie -> cookie.name.equals("JSESSIONID"))) {
                        throw new IllegalStateException("a visitor kept no session cookie: each request would be a new session");
                    }
                }
                long openNow = app.settledLiveHeap();
                // An open tab holds its UI, not a connection: the browser's keep-alive connections are closed by
                // the server after its idle timeout (Tomcat's 60 s), and the next heartbeat comes after 5 minutes.
                Thread.sleep(IDLE_MILLIS);
                long after = app.settledLiveHeap();
                Map<String, Long> afterHistogram = histogram.read(app);
                for (BrowserContext context : open) {
                    // Its UI ends as a closed tab's does, so that a measurement after this one starts without it.
                    context.pages().getFirst().close(new Page.CloseOptions().setRunBeforeUnload(true));
                    context.close();
                }
                return new Result(visitors, baseline, openNow, after, openMillis, before, afterHistogram);
            }
        }
    }

    /** A visitor of a view, in Chinese for even numbers and English for odd ones, once the view is drawn. */
    private static BrowserContext open(Browser browser, String base, int number, View view) {
        String locale = number % 2 == 0 ? "zh-CN" : "en-US";
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(locale));
        Page page = context.newPage();
        page.navigate(base + view.path);
        page.waitForFunction(view.drawn, null, new Page.WaitForFunctionOptions().setPollingInterval(20).setTimeout(60_000));
        // The view's own follow-up requests (the grid's rows for its viewport) done too.
        page.waitForLoadState(LoadState.NETWORKIDLE);
        return context;
    }

    /** Reads the server's live objects by class. */
    interface Histogram {
        Map<String, Long> read(AppProcess app) throws IOException, InterruptedException;
    }
}
