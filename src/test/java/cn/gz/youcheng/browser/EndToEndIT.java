package cn.gz.youcheng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.security.Authenticator;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.KeyboardModifier;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A visitor and an officer in a real browser, against the application in production mode on its embedded
 * database, signing in with the bootstrap password as a new installation would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"youcheng.embedded-database.temporary=true", "vaadin.productionMode=true",
                "app.admin.password=" + EndToEndIT.BOOTSTRAP_PASSWORD})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT extends BrowserTest {

    /** 25 Chinese characters, 75 bytes: more than bcrypt could take. */
    static final String BOOTSTRAP_PASSWORD = "白云山下珠江水长流友城情谊万里同心共创繁荣美好明天";

    @Test
    @Order(1)
    void aVisitorFindsFiltersSharesAndDownloadsPartners() throws Exception {
        Page page = newPage("en-US");
        var response = page.navigate(url("/"));
        assertThat(response.headers()).containsEntry("x-content-type-options", "nosniff")
                .containsEntry("referrer-policy", "strict-origin-when-cross-origin")
                .containsKey("x-frame-options");
        Locator grid = page.locator("#directory-grid");
        grid.waitFor();
        assertThat(page.locator("#official-sentence").innerText())
                .contains("Guangzhou has friendly relations with 107 cities in 68 countries");
        assertThat(gridSize(page)).isEqualTo(107);

        page.locator("#filter-text input").fill("Oakland");
        page.waitForURL("**/?q=Oakland");
        page.waitForCondition(() -> gridSize(page) == 1);
        assertThat(grid.getByText("Oakland").first().isVisible()).isTrue();

        page.reload();
        page.locator("#directory-grid").waitFor();
        page.waitForCondition(() -> gridSize(page) == 1);
        assertThat(page.locator("#filter-text input").inputValue()).isEqualTo("Oakland");

        page.locator("#filter-text input").fill("");
        page.waitForCondition(() -> gridSize(page) == 107);
        Download download = page.waitForDownload(() -> page.locator("#download-partners-csv").click());
        byte[] csv = Files.readAllBytes(download.path());
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8).split("\r\n")).hasSize(1 + 107);
    }

    @Test
    @Order(2)
    void theLanguageSwitchShowsEnglishNames() {
        Page page = newPage("zh-CN");
        page.navigate(url("/?country=JP"));
        page.locator("#directory-grid").waitFor();
        assertThat(page.locator("#official-sentence").innerText()).startsWith("广州与 68 个国家的 107 个城市建立了友好关系");
        assertThat(page.locator("#directory-grid").innerText()).contains("日本");

        assertThat(page.locator("#language").getAttribute("lang")).isEqualTo("en");
        page.locator("#language").click();

        page.waitForCondition(() -> page.locator("#directory-grid").innerText().contains("Japan"));
        assertThat(page.locator("#official-sentence").innerText()).startsWith("Guangzhou has friendly relations");
        // The page says it is in English now, to screen readers and to the print script.
        assertThat(page.evaluate("() => document.documentElement.lang")).isEqualTo("en");
    }

    @Test
    @Order(2)
    void aClickOnAHeaderSortsByThatColumnAloneAndShiftClickAddsOne() {
        Page page = newPage("en-US");
        page.navigate(url("/?country=JP,AU"));
        Locator grid = page.locator("#directory-grid");
        grid.waitFor();
        Locator byName = grid.locator("vaadin-grid-sorter").filter(new Locator.FilterOptions().setHasText("English name"));
        Locator byCountry = grid.locator("vaadin-grid-sorter").filter(new Locator.FilterOptions().setHasText("Country"));
        Locator sorted = grid.locator("vaadin-grid-sorter[direction]");

        byCountry.click();
        byName.click();
        page.waitForCondition(() -> "asc".equals(byName.getAttribute("direction")));
        assertThat(sorted.count()).as("columns sorted by after two clicks").isEqualTo(1);

        byCountry.click(new Locator.ClickOptions().setModifiers(List.of(KeyboardModifier.SHIFT)));
        page.waitForCondition(() -> sorted.count() == 2);
        assertThat(byName.getAttribute("direction")).isEqualTo("asc");
        assertThat(byCountry.getAttribute("direction")).isEqualTo("asc");
    }

    @Test
    @Order(2)
    void crawlersAreKeptToThePublicPagesWithoutFilters() {
        Page page = newPage("en-US");
        APIResponse robots = page.request().get(url("/robots.txt"));
        assertThat(robots.status()).isEqualTo(200);
        assertThat(robots.headers().get("content-type")).startsWith("text/plain");
        // Served beside the application, not by it: no session is opened for a crawler.
        assertThat(robots.headers()).doesNotContainKey("set-cookie");
        assertThat(robots.text().lines()).contains("User-agent: *", "Allow: /", "Allow: /*?lang=", "Disallow: /*?",
                "Disallow: /admin", "Disallow: /login");
    }

    @Test
    @Order(2)
    void everyPublicViewWorksUnderTheContentSecurityPolicy() {
        Page page = newPage("en-US");
        var response = page.navigate(url("/statistics"));
        assertThat(response.headers().get("content-security-policy")).contains("default-src 'self'")
                .contains("object-src 'none'").contains("frame-ancestors 'self'");
        page.locator("#chart-per-year canvas").first().waitFor();
        page.navigate(url("/map"));
        page.locator("canvas").first().waitFor();
        page.navigate(url("/partners/1"));
        page.locator("h2").first().waitFor();
        page.navigate(url("/no-such-page"));
        page.locator("h2").first().waitFor();
        page.navigate(url("/login"));
        page.locator("#login-form").waitFor();
        // A refused script from elsewhere would be reported: the policy is checked, not merely sent.
        page.evaluate("() => { const s = document.createElement('script'); s.src = 'https://example.org/x.js';"
                + " document.head.appendChild(s); }");
        page.waitForCondition(() -> !policyViolations().isEmpty());
        assertThat(policyViolations()).anySatisfy(violation -> assertThat(violation).contains("example.org"));
        policyViolations().clear();
    }

    /** Last: it changes the lists the visitor tests count. */
    @Test
    @Order(3)
    void anOfficerSignsInAddsAndUpgradesPartnersSeesThemAuditedAndSignsOut() {
        Page page = newPage("en-US");
        page.navigate(url("/admin"));
        page.waitForURL("**/login**");

        page.locator("input[name=username]").fill("admin");
        page.locator("input[name=password]").fill(BOOTSTRAP_PASSWORD);
        page.locator("vaadin-button[slot=submit]").click();
        // The first sign-in of a new installation: a password of the administrator's own, then a second factor.
        page.locator("#sign-in-new-password input").fill("camphor trees along the avenue");
        page.locator("#sign-in-repeat-password input").fill("camphor trees along the avenue");
        page.locator("#sign-in-set-password").click();
        Authenticator phone = new Authenticator(page.locator("#enrolment-secret").innerText());
        assertThat(page.locator("#enrolment-qr").getAttribute("src")).startsWith("data:image/png;base64,");
        page.locator("#enrolment-code input").fill(phone.nextCode());
        page.locator("#enrolment-confirm").click();
        page.locator("#recovery-codes").waitFor();
        assertThat(page.locator("#recovery-codes li").count()).isEqualTo(10);
        page.locator("#recovery-codes-saved").click();
        page.waitForURL("**/admin**");
        page.locator("#admin-grid").waitFor();

        page.locator("#add-partner").click();
        page.locator("#partner-nameZh input").fill("德累斯顿");
        page.locator("#partner-nameEn input").fill("Dresden");
        page.locator("#partner-country input").fill("Germany");
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("DE Germany")).click();
        page.locator("#partner-signedOn input").fill("6/18/2025");
        page.locator("#partner-signedOn input").press("Enter");
        page.locator("#add-partner-save").click();
        editor(page).waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
        assertThat(editor(page).textContent()).contains("德累斯顿").contains("Dresden");
        page.keyboard().press("Escape");

        page.locator("#admin-search input").fill("河内");
        page.locator("#admin-grid").getByText("河内").first().click();
        page.locator("#upgrade").click();
        page.locator("#upgrade-signedOn input").fill("11/20/2026");
        page.locator("#upgrade-signedOn input").press("Enter");
        page.locator("#upgrade-placeSigned input").fill("Guangzhou");
        page.locator("#upgrade-confirm").click();
        page.waitForCondition(() -> editor(page).textContent().contains("Superseded"));
        assertThat(page.locator("#partner-history").textContent()).contains("admin").contains("Sister-city agreement");
        page.keyboard().press("Escape");

        page.navigate(url("/admin/audit"));
        page.locator("#audit-grid").waitFor();
        page.waitForCondition(() -> page.locator("#audit-grid").innerText().contains("河内"));
        assertThat(page.locator("#audit-grid").innerText()).contains("德累斯顿").contains("admin");

        // Every admin view works under the Content Security Policy (BrowserTest fails on any violation).
        for (String[] view : new String[][] {{"/admin/import", "#import-upload"}, {"/admin/users", "#users-grid"},
                {"/admin/account", "#second-factor"}}) {
            page.navigate(url(view[0]));
            page.locator(view[1]).waitFor();
        }
        page.locator("#set-up-second-factor, #renew-recovery-codes").first().waitFor();

        page.locator("#sign-out").click();
        page.waitForURL(url("/"));
        page.navigate(url("/admin"));
        page.waitForURL("**/login**");
    }

    private static Locator editor(Page page) {
        return page.locator("#partner-editor");
    }

    private static int gridSize(Page page) {
        return ((Number) page.evaluate("() => document.querySelector('#directory-grid').size")).intValue();
    }
}
