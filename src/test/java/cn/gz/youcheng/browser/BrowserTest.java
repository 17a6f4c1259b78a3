package cn.gz.youcheng.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One headless Chromium per test class, a fresh browser context (cookies, locale) per page. */
abstract class BrowserTest {

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser browser;

    @LocalServerPort
    int port;
    private final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    static void startBrowser() {
        playwright = Browser.create();
        browser = Browser.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
        playwright.close();
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    /** A page in a browser context of its own: another visitor, with cookies of their own. */
    Page newPage(String locale) {
        BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale(locale).setViewportSize(1400, 1000).setAcceptDownloads(true));
        contexts.add(context);
        return context.newPage();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
