package cn.gz.youcheng.browser;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium for browser tests: the system's Chromium where there is one (CI installs Debian's),
 * otherwise the one Playwright downloads on a developer's machine. Playwright downloads its browsers when it
 * is created unless told not to, so with a system Chromium it is told, and needs no network at all.
 */
final class Browser {

    private static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");

    private Browser() {
    }

    static Playwright create() {
        if (Files.isExecutable(SYSTEM_CHROMIUM)) {
            return Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        }
        return Playwright.create();
    }

    static com.microsoft.playwright.Browser launch(Playwright playwright) {
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        // Tests with two visitors at once keep two windows open: neither may be put to sleep.
                        "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows",
                        "--disable-renderer-backgrounding"));
        if (Files.isExecutable(SYSTEM_CHROMIUM)) {
            options.setExecutablePath(SYSTEM_CHROMIUM);
        }
        return playwright.chromium().launch(options);
    }
}
