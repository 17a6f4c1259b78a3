package cn.gz.youcheng.browser;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Headless Chromium for browser tests: the system's Chromium where there is one (CI installs Debian's),
 * otherwise the one Playwright downloads on a developer's machine.
 */
final class Browser {

    private static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");

    private Browser() {
    }

    static com.microsoft.playwright.Browser launch(Playwright playwright) {
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run"));
        if (Files.isExecutable(SYSTEM_CHROMIUM)) {
            options.setExecutablePath(SYSTEM_CHROMIUM);
        }
        return playwright.chromium().launch(options);
    }
}
