package cn.gz.youcheng.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gz.youcheng.AdminTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

@AdminTest
class SignInTest {

    @Autowired
    ThrottledAuthenticationProvider signIn;
    @Autowired
    UserService users;
    @Autowired
    PasswordPolicy policy;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theFirstAdministratorExistsWithAHashedPassword() {
        assertThat(jdbc.sql("select role || ' ' || left(password_hash, 8) from app_user where username = 'admin'")
                .query(String.class).single()).isEqualTo("ADMIN {bcrypt}");
    }

    @Test
    void afterTenFailuresAnAccountIsRefusedEvenWithTheRightPassword() {
        createUser("throttled.officer", "correct horse battery", Role.EDITOR);
        assertThat(attempt("throttled.officer", "correct horse battery", "192.0.2.1").getName())
                .isEqualTo("throttled.officer");

        for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
            // A different address each time: the account alone is what is throttled here.
            String address = "198.51.100." + i;
            assertThatThrownBy(() -> attempt("throttled.officer", "wrong password", address))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> attempt("throttled.officer", "correct horse battery", "203.0.113.9"))
                .isInstanceOf(SignInThrottledException.class);
        assertThat(jdbc.sql("select count(*) from sign_in_attempt where username = 'throttled.officer' and not succeeded")
                .query(Integer.class).single()).isEqualTo(SignInThrottle.MAX_FAILURES);
    }

    @Test
    void afterTenFailuresFromOneAddressItIsRefused() {
        createUser("honest.officer", "long enough passphrase", Role.EDITOR);
        for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
            String username = "guess" + i;
            assertThatThrownBy(() -> attempt(username, "password", "192.0.2.200"))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> attempt("honest.officer", "long enough passphrase", "192.0.2.200"))
                .isInstanceOf(SignInThrottledException.class);
        assertThat(attempt("honest.officer", "long enough passphrase", "192.0.2.201").isAuthenticated()).isTrue();
    }

    @Test
    void aDisabledAccountCannotSignIn() {
        UserSummary user = createUser("leaving.officer", "farewell to the office", Role.EDITOR);
        asAdmin();
        users.setEnabled(user.id(), false, user.version());

        assertThatThrownBy(() -> attempt("leaving.officer", "farewell to the office", "192.0.2.50"))
                .isInstanceOf(DisabledException.class);
    }

    @Test
    void passwordsNeedLengthNotCompositionAndNotACommonOne() {
        assertThat(policy.problem("short", "x")).contains("password.too-short");
        assertThat(policy.problem("a".repeat(129), "x")).contains("password.too-long");
        assertThat(policy.problem("password123", "x")).contains("password.too-common");
        assertThat(policy.problem("li.na.2024", "li.na.2024")).contains("password.too-common");
        assertThat(policy.problem("所有字符都可以用", "x")).isEmpty();
        assertThat(policy.problem("a".repeat(64) + " lower case only", "x")).isEmpty();
    }

    @Test
    void officersChangeTheirOwnPasswordAndOnlyAdministratorsManageAccounts() {
        createUser("changing.officer", "first passphrase", Role.EDITOR);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "changing.officer", null, AuthorityUtils.createAuthorityList("ROLE_EDITOR")));

        assertThatThrownBy(() -> users.changeOwnPassword("not it", "second passphrase"))
                .isInstanceOfSatisfying(UserException.class, e -> assertThat(e.messageKey()).isEqualTo("password.wrong-current"));
        users.changeOwnPassword("first passphrase", "second passphrase");
        assertThatThrownBy(users::users).isInstanceOf(AccessDeniedException.class);

        assertThat(attempt("changing.officer", "second passphrase", "192.0.2.77").isAuthenticated()).isTrue();
    }

    private UserSummary createUser(String username, String password, Role role) {
        asAdmin();
        UserSummary user = users.create(username, password, role);
        SecurityContextHolder.clearContext();
        return user;
    }

    private static void asAdmin() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
    }

    private Authentication attempt(String username, String password, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new WebAuthenticationDetails(request));
        return signIn.authenticate(token);
    }
}
