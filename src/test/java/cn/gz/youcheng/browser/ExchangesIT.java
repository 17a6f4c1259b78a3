package cn.gz.youcheng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.registry.DocumentService;
import cn.gz.youcheng.registry.ExchangeKind;
import cn.gz.youcheng.registry.ExchangeService;
import cn.gz.youcheng.registry.ExchangeTheme;
import cn.gz.youcheng.registry.RegistryCommands;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The life of a partnership in the browser: an officer records an exchange and attaches its programme, a
 * visitor sees both on the partner's page and downloads the file; what the office keeps internal never
 * reaches the visitor, on the page or by its address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"youcheng.embedded-database.temporary=true", "vaadin.productionMode=true",
                "app.admin.password=" + EndToEndIT.BOOTSTRAP_PASSWORD})
class ExchangesIT extends BrowserTest {

    private static final byte[] PROGRAMME = "%PDF-1.4\n% Programme of the Praia delegation\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    ExchangeService exchanges;
    @Autowired
    DocumentService documents;

    @Test
    void anOfficerRecordsAnExchangeWithItsProgrammeAndAVisitorSeesAndDownloadsItButNothingInternal() throws Exception {
        jdbc.sql("""
                        insert into app_user (username, password_hash, role, created_at, password_changed_at)
                        values ('exchange.officer', :hash, 'EDITOR', now(), now())""")
                .param("hash", passwordEncoder.encode("delegations both ways")).update();
        long praia = jdbc.sql("select id from partner where name_en = 'Praia'").query(Long.class).single();

        Page officer = newPage("en-US");
        officer.navigate(url("/login"));
        officer.locator("input[name=username]").fill("exchange.officer");
        officer.locator("input[name=password]").fill("delegations both ways");
        officer.locator("input[name=password]").press("Enter");
        officer.waitForURL("**/admin**");
        officer.locator("#admin-search input").fill("Praia");
        officer.waitForCondition(() -> ((Number) officer.evaluate("() => document.querySelector('#admin-grid').size")).intValue() == 1);
        officer.locator("#admin-grid vaadin-grid-cell-content:has-text('Praia')").first().click();
        officer.locator("#add-exchange").click();

        officer.locator("#exchange-startsOn input").fill("10/6/2025");
        officer.locator("#exchange-startsOn input").press("Enter");
        officer.locator("#exchange-kind").click();
        officer.locator("vaadin-select-item:has-text('Incoming delegation')").click();
        officer.locator("#exchange-themes input").click();
        officer.locator("vaadin-multi-select-combo-box-item:has-text('Education')").click();
        officer.keyboard().press("Escape");
        officer.locator("#exchange-titleEn input").fill("Praia delegation visits Guangzhou");
        officer.locator("#exchange-titleZh input").fill("普拉亚代表团访穗");
        officer.locator("#exchange-published").click();
        officer.locator("#exchange-save").click();
        officer.locator("#exchange-dialog").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        long exchange = jdbc.sql("select id from exchange where partner_id = :id and title_en = 'Praia delegation visits Guangzhou'")
                .param("id", praia).query(Long.class).single();

        officer.locator("#attach-exchange-" + exchange).click();
        officer.locator("#document-title input").fill("Programme of the visit");
        officer.locator("#document-published").click();
        officer.locator("#document-upload input[type=file]").setInputFiles(
                new FilePayload("programme.pdf", "application/pdf", PROGRAMME));
        officer.waitForCondition(() -> jdbc.sql("select count(*) from document where exchange_id = :id").param("id", exchange)
                .query(Integer.class).single() == 1);
        long document = jdbc.sql("select id from document where exchange_id = :id").param("id", exchange).query(Long.class).single();
        officer.locator("#document-" + document).waitFor();

        // What the office keeps to itself: an internal exchange, and an internal document of the public one.
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "exchange.officer", null, AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
        long internalDocument;
        try {
            exchanges.save(new RegistryCommands.SaveExchange(null, 0, praia, null, LocalDate.of(2025, 11, 3), null,
                    ExchangeKind.ONLINE_MEETING, Set.of(ExchangeTheme.GOVERNMENT), "闭门磋商", "Closed-door talks", null,
                    null, null, null, null, null, false));
            internalDocument = documents.attach(new RegistryCommands.AttachDocument(null, exchange, "Minutes of the talks", false),
                    "minutes.pdf", new ByteArrayInputStream(PROGRAMME));
        } finally {
            SecurityContextHolder.clearContext();
        }

        Page visitor = newPage("en-US");
        visitor.navigate(url("/partners/" + praia));
        visitor.locator("#partner-exchanges").waitFor();
        String page = visitor.locator("body").innerText();
        assertThat(page).contains("Praia delegation visits Guangzhou").contains("Incoming delegation").contains("Education")
                .contains("Programme of the visit")
                .doesNotContain("Closed-door talks").doesNotContain("闭门磋商").doesNotContain("Minutes of the talks");
        String href = visitor.locator("a.document").getAttribute("href");
        APIResponse download = visitor.request().get(url("/" + href));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.headers().get("content-type")).isEqualTo("application/pdf");
        assertThat(download.headers().get("content-disposition")).startsWith("attachment");
        assertThat(download.body()).isEqualTo(PROGRAMME);
        assertThat(visitor.request().get(url("/export/documents/" + internalDocument)).status()).isEqualTo(404);
        assertThat(visitor.request().get(url("/export/exchanges.csv")).text()).contains("Praia delegation visits Guangzhou")
                .doesNotContain("Closed-door talks");
        assertThat(visitor.request().get(url("/partners/" + praia + "?lang=en")).text()).as("the first HTML too")
                .contains("Praia delegation visits Guangzhou").doesNotContain("Closed-door talks");
    }
}
