package cn.gz.youcheng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One headless Chromium per test class, a fresh browser context (cookies, locale) per page. Every test fails
 * if the browser refused anything because of the Content Security Policy.
 */
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

    /** What the browser refused because of the Content Security Policy, on any page of the test. */
    private final List<String> policyViolations = new ArrayList<>();

    List<String> policyViolations() {
        return policyViolations;
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        assertThat(policyViolations).as("Content Security Policy violations").isEmpty();
        policyViolations.clear();
    }

    /** A page in a browser context of its own: another visitor, with cookies of their own. */
    Page newPage(String locale) {
        BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale(locale).setViewportSize(1400, 1000).setAcceptDownloads(true));
        contexts.add(context);
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(page.url() + ": " + message.text());
            }
        });
        return page;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
