package cn.gz.youcheng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.security.Authenticator;
import cn.gz.youcheng.security.ClientAddress;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The admin area tried as an attacker would, on the production configuration ({@code prod} profile): sessions
 * that outlive a revocation, a client choosing its own address, a sign-in form posted from another site.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"youcheng.embedded-database.temporary=true", "app.admin.password=a first passphrase for tests"})
@ActiveProfiles("prod")
class AccountSecurityIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void aDemotedThenDisabledAdministratorsOpenSessionIsRefusedAtItsNextAction() {
        Authenticator targetPhone = account("target.admin", "ADMIN", "the target's own words");
        Authenticator actingPhone = account("acting.admin", "ADMIN", "the acting administrator");
        Page target = newPage("en-US");
        signIn(target, "target.admin", "the target's own words", targetPhone);
        target.navigate(url("/admin/users"));
        target.locator("#users-grid").waitFor();
        Page acting = newPage("en-US");
        signIn(acting, "acting.admin", "the acting administrator", actingPhone);
        acting.navigate(url("/admin/users"));

        acting.bringToFront();
        user(acting, "target.admin");
        acting.locator("[id='role-target.admin']").click();
        acting.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Editor")).click();
        acting.waitForCondition(() -> role("target.admin").equals("EDITOR"));

        // The demoted administrator's session goes on to create an account: refused, and sent to sign in.
        target.bringToFront();
        target.locator("#create-user").click();
        target.waitForURL("**/login**");
        assertThat(target.locator("#new-username").count()).isZero();

        // Signed in again, now as an editor, until an administrator disables the account.
        jdbc.sql("update app_user set totp_secret = null, totp_enrolled_at = null where username = 'target.admin'").update();
        // The page that asked for sign-in is for administrators only: an editor lands on the agreements.
        signIn(target, "target.admin", "the target's own words", null);
        target.locator("#admin-grid").waitFor();
        acting.bringToFront();
        acting.navigate(url("/admin/users"));
        user(acting, "target.admin");
        acting.locator("[id='disable-target.admin']").click();
        acting.waitForCondition(() -> !enabled("target.admin"));

        target.bringToFront();
        target.locator("#add-partner").click();
        target.waitForURL("**/login**");
        assertThat(target.locator("#partner-nameZh").count()).isZero();
    }

    @Test
    void aPasswordResetSignsTheOldSessionOut() {
        Authenticator actingPhone = account("resetting.admin", "ADMIN", "the resetting administrator");
        account("compromised.editor", "EDITOR", "known to an attacker");
        Page attacker = newPage("en-US");
        signIn(attacker, "compromised.editor", "known to an attacker", null);
        attacker.locator("#admin-grid").waitFor();
        Page acting = newPage("en-US");
        signIn(acting, "resetting.admin", "the resetting administrator", actingPhone);
        acting.navigate(url("/admin/users"));

        acting.bringToFront();
        user(acting, "compromised.editor");
        acting.locator("[id='reset-compromised.editor']").click();
        acting.locator("#reset-password-value input").fill("a fresh temporary passphrase");
        acting.locator("#reset-password-save").click();
        acting.waitForCondition(() -> passwordEncoder.matches("a fresh temporary passphrase", hash("compromised.editor")));
        assertThat(jdbc.sql("""
                        select actor || ' ' || address from account_event
                        where account = 'compromised.editor' and event = 'PASSWORD_RESET'
                        """).query(String.class).single())
                .as("who reset it, from where").startsWith("resetting.admin ").doesNotEndWith("null");

        attacker.bringToFront();
        attacker.locator("#admin-search input").fill("广州");
        attacker.waitForURL("**/login**");
        // Nor does the old password sign in again.
        attacker.locator("input[name=username]").fill("compromised.editor");
        attacker.locator("input[name=password]").fill("known to an attacker");
        attacker.locator("vaadin-button[slot=submit]").click();
        attacker.locator("vaadin-login-form-wrapper[error]").waitFor();
    }

    @Test
    void changingOnesOwnPasswordSignsOutTheOtherBrowserAndKeepsThisOne() {
        account("two.browsers", "EDITOR", "first of two browsers");
        Page office = newPage("en-US");
        signIn(office, "two.browsers", "first of two browsers", null);
        Page home = newPage("en-US");
        signIn(home, "two.browsers", "first of two browsers", null);
        home.locator("#admin-grid").waitFor();

        office.bringToFront();
        office.navigate(url("/admin/account"));
        office.locator("#current-password input").fill("first of two browsers");
        office.locator("#new-password input").fill("only the office knows this");
        office.locator("#repeat-password input").fill("only the office knows this");
        office.locator("#change-password").click();
        office.waitForCondition(() -> passwordEncoder.matches("only the office knows this", hash("two.browsers")));

        home.bringToFront();
        home.locator("#admin-search input").fill("广州");
        home.waitForURL("**/login**");
        office.bringToFront();
        office.navigate(url("/admin"));
        office.locator("#admin-grid").waitFor();
        assertThat(office.url()).endsWith("/admin");
    }

    @Test
    void signInFailuresAreCountedAgainstTheRealPeerWhateverXForwardedForSays() {
        Page page = newPage("en-US");
        page.navigate(url("/login"));
        for (int i = 0; i < 3; i++) {
            page.context().setExtraHTTPHeaders(Map.of("X-Forwarded-For", "203.0.113." + i));
            failToSignIn(page, "rotating.header");
        }
        page.context().setExtraHTTPHeaders(Map.of("X-Forwarded-For", "7".repeat(300)));
        failToSignIn(page, "rotating.header");

        List<String> addresses = jdbc.sql("select address from sign_in_attempt where username = 'rotating.header'")
                .query(String.class).list();
        // The test's browser is this machine: loopback, IPv4 or IPv6 (counted as its /64).
        assertThat(addresses).hasSize(4).allSatisfy(address -> assertThat(address)
                .isIn("127.0.0.1", ClientAddress.of("0:0:0:0:0:0:0:1").value()));
    }

    @Test
    void aSignInPostedWithoutTheCsrfTokenIsRefused() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> loginPage = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        String session = loginPage.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID=")).map(cookie -> cookie.split(";")[0])
                .findFirst().orElseThrow();

        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(url("/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", session)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=admin&password=a+first+passphrase+for+tests"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(posted.statusCode()).isEqualTo(403);
        assertSignedOut(http, session);

        // With Spring's token (which the page carries) the post is let through, and still signs nobody in:
        // there is no endpoint that takes a password, only the sign-in view's steps.
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"")
                .matcher(loginPage.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(URI.create(url("/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", session)
                        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=a+first+passphrase+for+tests&_csrf="
                                + java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).isNotEqualTo(403);
        assertSignedOut(http, session);
        assertThat(jdbc.sql("select count(*) from sign_in_attempt where username = 'admin'").query(Integer.class).single())
                .isZero();
    }

    private void assertSignedOut(HttpClient http, String session) throws Exception {
        HttpResponse<String> admin = http.send(HttpRequest.newBuilder(URI.create(url("/admin")))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(admin.statusCode()).isEqualTo(302);
        assertThat(admin.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    /** Opens a user's actions under their row in the list of users. */
    private static void user(Page page, String username) {
        page.locator("#users-grid vaadin-grid-cell-content").getByText(username, new Locator.GetByTextOptions().setExact(true))
                .click();
        page.locator("[id='actions-" + username + "']").waitFor();
    }

    @Test
    void healthIsPublicWithItsStatusOnlyAndMetricsAreNot() throws Exception {
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/prometheus"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("db");
        assertThat(metrics.statusCode()).isEqualTo(401);
        assertThat(metrics.body()).doesNotContain("jvm_");
    }

    private void failToSignIn(Page page, String username) {
        page.reload();
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill("wrong password");
        page.locator("vaadin-button[slot=submit]").click();
        page.locator("vaadin-login-form-wrapper[error]").waitFor();
    }

    /** An account past its first sign-in; for an administrator, with a second factor on a phone. */
    private Authenticator account(String username, String role, String password) {
        String secret = role.equals("ADMIN") ? new DefaultSecretGenerator(32).generate() : null;
        jdbc.sql("""
                        insert into app_user (username, password_hash, role, created_at, password_changed_at,
                                              totp_secret, totp_enrolled_at)
                        values (:username, :hash, :role, now(), now(), :secret,
                                case when cast(:secret as varchar) is null then null else now() end)
                        """)
                .param("username", username).param("hash", passwordEncoder.encode(password)).param("role", role)
                .param("secret", secret)
                .update();
        return secret == null ? null : new Authenticator(secret);
    }

    private void signIn(Page page, String username, String password, Authenticator phone) {
        page.bringToFront();
        page.navigate(url("/login"));
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.locator("vaadin-button[slot=submit]").click();
        if (phone != null) {
            page.locator("#sign-in-code input").fill(phone.nextCode());
            page.locator("#sign-in-verify").click();
        }
        page.waitForURL("**/admin**");
    }

    private String role(String username) {
        return jdbc.sql("select role from app_user where username = :u").param("u", username).query(String.class).single();
    }

    private boolean enabled(String username) {
        return jdbc.sql("select enabled from app_user where username = :u").param("u", username).query(Boolean.class).single();
    }

    private String hash(String username) {
        return jdbc.sql("select password_hash from app_user where username = :u").param("u", username)
                .query(String.class).single();
    }
}
