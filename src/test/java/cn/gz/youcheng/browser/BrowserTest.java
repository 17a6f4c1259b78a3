package cn.gz.youcheng.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One headless Chromium per test class, a fresh browser context (cookies, locale) per test. */
abstract class BrowserTest {

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser browser;

    @LocalServerPort
    int port;
    private BrowserContext context;

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
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    Page newPage(String locale) {
        context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale(locale).setViewportSize(1400, 1000).setAcceptDownloads(true));
        return context.newPage();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
