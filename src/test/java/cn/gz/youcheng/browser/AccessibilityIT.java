package cn.gz.youcheng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Page;
import cn.gz.youcheng.base.Guangzhou;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every public view, in Chinese and in English, as axe-core (run in Chromium) judges it against WCAG 2.1 A
 * and AA, which GB/T 37668-2019 follows: no violation, and no rule turned off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"youcheng.embedded-database.temporary=true", "vaadin.productionMode=true",
                "app.admin.password=" + EndToEndIT.BOOTSTRAP_PASSWORD})
class AccessibilityIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @Test
    void everyPublicViewMeetsWcag21AaInBothLanguages() {
        List<String> violations = new ArrayList<>();
        for (String locale : List.of("zh-CN", "en-US")) {
            Page page = newPage(locale);
            page.navigate(url("/"));
            page.locator("#directory-grid vaadin-grid-cell-content").first().waitFor();
            violations.addAll(check(page, locale + " /"));

            page.navigate(url("/?country=JP&from=1980"));
            page.locator("#directory-grid vaadin-grid-cell-content").first().waitFor();
            // A link with filters opens More filters by itself.
            if (page.locator("#more-filters").getAttribute("opened") == null) {
                page.locator("#more-filters vaadin-details-summary").click();
            }
            page.locator("#filter-country").waitFor();
            violations.addAll(check(page, locale + " / filtered, more filters open"));

            page.navigate(url("/"));
            page.locator("#directory-grid vaadin-grid-cell-content").first().waitFor();
            page.navigate(url("/partners/1"));
            page.locator("#partner-agreements").waitFor();
            violations.addAll(check(page, locale + " /partners/1"));

            page.navigate(url("/statistics"));
            page.locator("#chart-per-year canvas").first().waitFor();
            violations.addAll(check(page, locale + " /statistics"));

            page.navigate(url("/map"));
            page.locator("#partner-map canvas").first().waitFor();
            // With its partners as a list of links, the map's text alternative.
            page.locator("#map-list vaadin-details-summary").click();
            page.locator("#map-list a").first().waitFor();
            violations.addAll(check(page, locale + " /map, its list open"));

            page.navigate(url("/login"));
            page.locator("#login-form").waitFor();
            violations.addAll(check(page, locale + " /login"));

            page.navigate(url("/nowhere"));
            page.locator("#not-found").waitFor();
            violations.addAll(check(page, locale + " not found"));

            // The selection as a page for paper, in the page's language.
            page.navigate(url("/export/partners.html?country=JP&lang=" + locale.substring(0, 2)));
            page.locator("#printed-list tbody tr").first().waitFor();
            violations.addAll(check(page, locale + " printable list"));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theDirectoryIsWalkedWithTheKeyboardAloneFromTheSkipButtonToAPartnerAndBack() {
        Page page = newPage("en-US");
        page.navigate(url("/"));
        page.locator("#directory-grid vaadin-grid-cell-content").first().waitFor();
        Keyboard keys = page.keyboard();

        // The first stop skips the frame; it shows itself, with a visible focus, when reached.
        keys.press("Tab");
        assertThat(active(page, "document.activeElement.id")).isEqualTo("skip-to-content");
        assertThat(page.locator("#skip-to-content").boundingBox().x).isGreaterThanOrEqualTo(0);
        assertThat(active(page, "getComputedStyle(document.activeElement).outlineStyle")).isEqualTo("solid");
        keys.press("Enter");
        page.waitForCondition(() -> "main".equals(active(page, "document.activeElement.getAttribute('role')")));

        // The search, then More filters, then a filter in it.
        tabUntil(page, "!!document.activeElement.closest('#filter-text')");
        keys.type("Sydney");
        page.waitForURL("**/?q=Sydney");
        page.waitForCondition(() -> ((Number) page.evaluate("() => document.querySelector('#directory-grid').size")).intValue() == 1);
        tabUntil(page, "!!document.activeElement.closest('#more-filters')");
        keys.press("Enter");
        page.locator("#filter-list").waitFor();
        tabUntil(page, "!!document.activeElement.closest('#filter-list')");

        // The grid: its header, then (the next stop) its rows; along the row to the partner's link, which Enter
        // follows.
        tabUntil(page, "!!document.activeElement.closest('#directory-grid')");
        keys.press("Tab");
        for (int column = 0; column < 10 && !"A".equals(active(page, "document.activeElement.tagName")); column++) {
            keys.press("Enter");
            if (!"A".equals(active(page, "document.activeElement.tagName"))) {
                keys.press("ArrowRight");
            }
        }
        assertThat(active(page, "document.activeElement.tagName"))
                .as(active(page, "(() => { const cell = document.querySelector('#directory-grid').shadowRoot.activeElement;"
                        + " return cell ? cell.outerHTML.substring(0, 300) + ' / ' + document.querySelector('vaadin-grid-cell-content[slot=\"'"
                        + " + cell.querySelector('slot')?.name + '\"]')?.innerHTML : 'none'; })()"))
                .isEqualTo("A");
        keys.press("Enter");
        page.waitForURL("**/partners/*");
        page.locator("#partner-name").waitFor();
        assertThat(page.locator("#partner-name").innerText()).contains("Sydney");

        // Round the whole page and into the content again: nothing in it falls out of the keyboard's order.
        tabUntil(page, "document.activeElement.id === 'language'");
        tabUntil(page, "!!document.activeElement.closest('#partner-agreements, [role=main] a')");

        // And back to the list by the page's own link, the first stop after the skip button.
        tabUntil(page, "document.activeElement.id === 'skip-to-content'");
        keys.press("Enter");
        page.waitForCondition(() -> "main".equals(active(page, "document.activeElement.getAttribute('role')")));
        keys.press("Tab");
        assertThat(active(page, "document.activeElement.textContent")).contains("All partners");
        keys.press("Enter");
        page.locator("#directory-grid").waitFor();
        assertThat(page.url()).isEqualTo(url("/"));
    }

    @Test
    void at320PixelsWideNoPageScrollsSidewaysAndTheDirectoryStillSearches() {
        Page page = newPage("en-US");
        page.setViewportSize(320, 640);
        for (String path : PAGES.keySet()) {
            open(page, path);
            assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue())
                    .as("width of " + path + " at 320 px").isLessThanOrEqualTo(320);
        }
        page.navigate(url("/"));
        page.locator("#directory-grid vaadin-grid-cell-content").first().waitFor();
        // The frame's switches stay in reach.
        for (String control : List.of("#language", "#high-contrast", "#sign-in")) {
            var box = page.locator(control).boundingBox();
            assertThat(box.x + box.width).as(control).isLessThanOrEqualTo(320);
        }
        page.locator("#filter-text input").fill("Sydney");
        page.waitForURL("**/?q=Sydney");
        page.waitForCondition(() -> ((Number) page.evaluate("() => document.querySelector('#directory-grid').size")).intValue() == 1);
        assertThat(page.locator("#directory-grid").innerText()).contains("Sydney");
    }

    @Test
    void withTextAtTwoHundredPercentNoPageLosesContentOrFunction() {
        Page page = newPage("en-US");
        // What a browser's text size set to 200 % does: the root font size doubled, and every size in rem with it.
        page.context().addInitScript("document.addEventListener('DOMContentLoaded',"
                + " () => document.documentElement.style.fontSize = '200%')");
        int width = page.viewportSize().width;
        for (String path : PAGES.keySet()) {
            open(page, path);
            assertThat(active(page, "getComputedStyle(document.body).fontSize")).as("text size on " + path).isEqualTo("32px");
            assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue())
                    .as("width of " + path).isLessThanOrEqualTo(width);
            if (path.equals("/login")) {
                // The sign-in page has no frame: its form, and its button, in reach.
                var submit = page.locator("vaadin-button[slot=submit]").boundingBox();
                assertThat(submit.x + submit.width).as("sign-in button").isLessThanOrEqualTo(width);
                continue;
            }
            if (path.equals("/nowhere")) {
                // Nor has the not-found view: its way back to the directory, in reach.
                var back = page.locator("[role=main] a, vaadin-vertical-layout > a").last().boundingBox();
                assertThat(back.x + back.width).as("link back").isLessThanOrEqualTo(width);
                continue;
            }
            for (String control : List.of("#language", "#high-contrast")) {
                var box = page.locator(control).boundingBox();
                assertThat(box.x + box.width).as(control + " on " + path).isLessThanOrEqualTo(width);
            }
        }
        page.navigate(url("/"));
        page.locator("#directory-grid vaadin-grid-cell-content").first().waitFor();
        page.locator("#filter-text input").fill("Sydney");
        page.waitForURL("**/?q=Sydney");
        page.waitForCondition(() -> ((Number) page.evaluate("() => document.querySelector('#directory-grid').size")).intValue() == 1);
        assertThat(page.locator("#directory-grid").innerText()).contains("Sydney");
        page.locator("#more-filters").click();
        page.locator("#filter-list").waitFor();
        assertThat(page.locator("#filter-list").isVisible()).isTrue();
    }

    @Test
    void highContrastIsRememberedAndMeetsTheEnhancedContrastOfSevenToOne() {
        Page page = newPage("zh-CN");
        page.navigate(url("/"));
        page.locator("#directory-grid vaadin-grid-cell-content").first().waitFor();
        assertThat(page.locator("#high-contrast").getAttribute("aria-pressed")).isEqualTo("false");
        page.locator("#high-contrast").click();
        page.waitForCondition(() -> Boolean.TRUE.equals(page.evaluate("() => document.documentElement.hasAttribute('data-contrast')")));
        assertThat(page.locator("#high-contrast").getAttribute("aria-pressed")).isEqualTo("true");

        // The next page is drawn in it from its first HTML on.
        String first = page.request().get(url("/partners/1")).text();
        assertThat(first).contains("data-contrast");
        page.navigate(url("/partners/1"));
        page.locator("#partner-agreements").waitFor();
        assertThat(page.locator("#high-contrast").getAttribute("aria-pressed")).isEqualTo("true");
        List<String> violations = new ArrayList<>();
        for (var view : java.util.Map.of("/partners/1", "#partner-agreements", "/", "#directory-grid",
                "/statistics", "#chart-per-year").entrySet()) {
            String path = view.getKey();
            page.navigate(url(path));
            page.locator(view.getValue()).waitFor();
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            violations.addAll(check(page, "high contrast " + path, List.of("color-contrast", "color-contrast-enhanced")));
        }
        assertThat(violations).isEmpty();

        // And off again, remembered as well.
        page.locator("#high-contrast").click();
        page.waitForCondition(() -> Boolean.FALSE.equals(page.evaluate("() => document.documentElement.hasAttribute('data-contrast')")));
        assertThat(page.request().get(url("/")).text()).doesNotContain("data-contrast");
    }

    @Test
    void anOfficerSuspendsAndReinstatesAnAgreementWithTheKeyboardAlone() {
        jdbc.sql("""
                        insert into app_user (username, password_hash, role, created_at, password_changed_at)
                        values ('keyboard.officer', :hash, 'EDITOR', now(), now())""")
                .param("hash", passwordEncoder.encode("keys are all it takes")).update();
        long agreement = jdbc.sql("""
                        select a.id from agreement a join partner p on p.id = a.partner_id where p.name_en = 'Tivat'""")
                .query(Long.class).single();
        Page page = newPage("en-US");
        page.navigate(url("/login"));
        page.locator("#login-form").waitFor();
        Keyboard keys = page.keyboard();

        // Sign in: the name, the password, Enter.
        tabUntil(page, "document.activeElement.name === 'username'");
        keys.type("keyboard.officer");
        tabUntil(page, "document.activeElement.name === 'password'");
        keys.type("keys are all it takes");
        keys.press("Enter");
        page.waitForURL("**/admin**");
        page.locator("#admin-grid").waitFor();

        // Find the partner, then Space on its row opens its editor.
        tabUntil(page, "!!document.activeElement.closest('#admin-search')");
        keys.type("Tivat");
        page.waitForCondition(() -> ((Number) page.evaluate("() => document.querySelector('#admin-grid').size")).intValue() == 1);
        tabUntil(page, "!!document.activeElement.closest('#admin-grid')");
        keys.press("Tab");
        keys.press("Space");
        page.locator("#edit-nameZh").waitFor();

        changeStatusByKeyboard(page, "suspend-" + agreement, "Suspended from the keyboard");
        page.waitForCondition(() -> "SUSPENDED".equals(status(agreement)));
        changeStatusByKeyboard(page, "reinstate-" + agreement, "Reinstated from the keyboard");
        page.waitForCondition(() -> "ACTIVE".equals(status(agreement)));
        assertThat(jdbc.sql("select count(*) from agreement_status_change where agreement_id = :id and reason like '%from the keyboard'")
                .param("id", agreement).query(Integer.class).single()).isEqualTo(2);

        // Escape closes the editor; the grid is there to go on with.
        keys.press("Escape");
        page.locator("#edit-nameZh").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        assertThat(page.locator("#admin-grid").isVisible()).isTrue();
    }

    /** In the open editor: the action's button, the date, the reason, and the dialog's confirmation, by keys. */
    private static void changeStatusByKeyboard(Page page, String button, String reason) {
        Keyboard keys = page.keyboard();
        tabUntil(page, "document.activeElement.id === '" + button + "'");
        assertThat(active(page, "getComputedStyle(document.activeElement).outlineStyle + ' '"
                + " + document.activeElement.hasAttribute('focus-ring')")).contains("true");
        keys.press("Enter");
        page.locator("#status-reason").waitFor();
        tabUntil(page, "!!document.activeElement.closest('#status-effectiveOn')");
        LocalDate today = LocalDate.now(Guangzhou.ZONE);
        keys.type(today.getMonthValue() + "/" + today.getDayOfMonth() + "/" + today.getYear());
        keys.press("Enter");
        tabUntil(page, "!!document.activeElement.closest('#status-reason')");
        keys.type(reason);
        tabUntil(page, "document.activeElement.id === 'status-confirm'");
        keys.press("Enter");
        page.locator("#status-reason").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
    }

    private String status(long agreement) {
        return jdbc.sql("select status from agreement where id = :id").param("id", agreement).query(String.class).single();
    }

    /** Every public page, the sign-in page and the not-found view, by what shows each is drawn. */
    private static final java.util.Map<String, String> PAGES = java.util.Map.of("/", "#directory-grid",
            "/partners/1", "#partner-agreements", "/statistics", "#chart-per-year", "/map", "#partner-map",
            "/changes", "#changes", "/anniversaries", "#anniversaries-title",
            "/login", "#login-form", "/nowhere", "#not-found");

    /** Opens one of the {@link #PAGES} and waits until it is drawn and quiet. */
    private void open(Page page, String path) {
        page.navigate(url(path));
        page.locator(PAGES.get(path)).waitFor();
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    }

    private static String active(Page page, String expression) {
        return String.valueOf(page.evaluate("() => " + expression));
    }

    /** Tab until the focus is where the predicate says, as a keyboard user would; fails after 40 stops. */
    private static void tabUntil(Page page, String predicate) {
        List<Object> stopped = new ArrayList<>();
        for (int stops = 0; stops < 40; stops++) {
            if (Boolean.TRUE.equals(page.evaluate("() => " + predicate))) {
                return;
            }
            page.keyboard().press("Tab");
            stopped.add(page.evaluate("() => document.activeElement.tagName + '#' + document.activeElement.id"));
        }
        throw new AssertionError("the keyboard never reached " + predicate + "; it stopped at " + stopped);
    }

    /** The WCAG 2.1 A/AA violations axe finds on the page as it is now, one line per rule and element. */
    private static List<String> check(Page page, String where) {
        return violations(where, new AxeBuilder(page).withTags(WCAG_21_AA));
    }

    /** The violations of these rules alone. */
    private static List<String> check(Page page, String where, List<String> rules) {
        return violations(where, new AxeBuilder(page).withRules(rules));
    }

    private static List<String> violations(String where, AxeBuilder axe) {
        AxeResults results = axe.analyze();
        assertThat(results.isErrored()).as(where + ": " + results.getErrorMessage()).isFalse();
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            rule.getNodes().forEach(node -> found.add(where + ": " + rule.getId() + " (" + rule.getHelp() + ") at "
                    + node.getTarget() + " " + node.getHtml()));
        }
        return found;
    }
}
