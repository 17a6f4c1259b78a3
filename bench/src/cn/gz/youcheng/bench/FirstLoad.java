package cn.gz.youcheng.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Measurement 5: what the browser downloads for {@code /} and how soon the grid shows data, in Chromium. */
final class FirstLoad {

    private static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");

    static void measure(String base, Report report) {
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", Files.exists(SYSTEM_CHROMIUM) ? "1" : "0")))) {
            BrowserType.LaunchOptions options = new BrowserType.LaunchOptions()
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run"));
            if (Files.exists(SYSTEM_CHROMIUM)) {
                options.setExecutablePath(SYSTEM_CHROMIUM);
            }
            try (Browser browser = playwright.chromium().launch(options)) {
                List<Report.Resource> resources = null;
                List<Long> gridMillis = new ArrayList<>();
                for (int run = 0; run < 5; run++) {
                    try (BrowserContext context = browser.newContext()) {
                        Page page = context.newPage();
                        List<Request> requests = new ArrayList<>();
                        page.onRequestFinished(requests::add);
                        page.navigate(base + "/");
                        page.waitForFunction("""
                                () => [...document.querySelectorAll('vaadin-grid vaadin-grid-cell-content')]
                                        .some(cell => /\\d{4}/.test(cell.textContent))
                                """, null, new Page.WaitForFunctionOptions().setPollingInterval(5));
                        gridMillis.add(Math.round(((Number) page.evaluate("() => performance.now()")).doubleValue()));
                        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
                        if (resources == null) {
                            resources = new ArrayList<>();
                            for (Request request : requests) {
                                var sizes = request.sizes();
                                var response = request.response();
                                long decoded = response == null ? 0 : response.body().length;
                                resources.add(new Report.Resource(request.url().replace(base, ""), request.resourceType(),
                                        sizes.responseBodySize + sizes.responseHeadersSize, decoded));
                            }
                        }
                    }
                }
                System.out.printf("First load: grid shown after %s ms%n", gridMillis);
                report.firstLoad(resources, gridMillis);
            }
        }
    }
}
