package cn.gz.youcheng.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gz.youcheng.AdminTest;
import cn.gz.youcheng.security.SignInService.PendingSignIn;
import cn.gz.youcheng.security.SignInService.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Signing in against the real database: passwords and their hashes, the throttle, the second factor, and the
 * first steps of accounts whose password somebody else set. Every test uses accounts and addresses of its
 * own, so that the counts of one do not reach another.
 */
@AdminTest
class SignInTest {

    @Autowired
    SignInService signIn;
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
    void theFirstAdministratorHasAnArgon2HashAndMustReplaceItsPasswordAndSetUpASecondFactor() {
        assertThat(jdbc.sql("""
                        select role || ' ' || left(password_hash, 28) || ' ' || must_change_password
                        from app_user where username = 'admin'
                        """)
                .query(String.class).single()).isEqualTo("ADMIN {argon2@SpringSecurity_v5_8} true");
        assertThat(jdbc.sql("select count(*) from account_event where account = 'admin' and event = 'CREATED' and actor = 'system'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aNewAccountChoosesItsOwnPasswordAtItsFirstSignIn() {
        createUser("first.timer", "temporary handed over", Role.EDITOR);

        PendingSignIn pending = signIn.checkPassword("first.timer", "temporary handed over", address("10"), null);
        assertThat(pending.next()).isEqualTo(Step.NEW_PASSWORD);
        assertThatThrownBy(() -> signIn.chooseNewPassword(pending, "temporary handed over"))
                .isInstanceOfSatisfying(UserException.class, e -> assertThat(e.message().key()).isEqualTo("password.same-as-before"));
        assertThatThrownBy(() -> signIn.chooseNewPassword(pending, "woaini1314"))
                .isInstanceOfSatisfying(UserException.class, e -> assertThat(e.message().key()).isEqualTo("password.too-weak"));
        signIn.chooseNewPassword(pending, "my own quiet lantern");

        assertThat(pending.next()).isEqualTo(Step.DONE);
        assertThat(signIn.complete(pending).authentication().getName()).isEqualTo("first.timer");
        assertThat(signIn.checkPassword("first.timer", "my own quiet lantern", address("10"), null).next()).isEqualTo(Step.DONE);
    }

    @Test
    void tenFailuresFromOneAddressDoNotKeepTheOfficerOutFromAnother() {
        createReadyUser("besieged.admin", "ferry lanterns at dusk", Role.EDITOR);
        for (int i = 0; i < SignInThrottle.PAIR_LIMIT; i++) {
            assertThatThrownBy(() -> signIn.checkPassword("besieged.admin", "guess " + Math.random(), address("20"), null))
                    .isInstanceOf(SignInFailedException.class);
        }

        // From the attacker's address even the right password is no longer checked ...
        assertThatThrownBy(() -> signIn.checkPassword("besieged.admin", "ferry lanterns at dusk", address("20"), null))
                .isInstanceOf(SignInThrottledException.class);
        // ... but from the office the officer signs in, after a short wait.
        Instant start = Instant.now();
        PendingSignIn pending = signIn.checkPassword("besieged.admin", "ferry lanterns at dusk", address("21"), null);
        assertThat(pending.next()).isEqualTo(Step.DONE);
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        // The refused attempt was only logged: a flood of refusals fills no table.
        assertThat(outcomes("besieged.admin")).containsExactlyInAnyOrder("FAILED", "FAILED", "FAILED", "FAILED", "FAILED",
                "FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "SUCCEEDED");
    }

    @Test
    void ofThirtyParallelWrongAttemptsAtMostTenAreChecked() throws Exception {
        createReadyUser("parallel.target", "seven bridges of canton", Role.EDITOR);
        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            List<Callable<String>> attempts = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                attempts.add(() -> {
                    try {
                        signIn.checkPassword("parallel.target", "not it", address("30"), null);
                        return "signed in";
                    } catch (SignInThrottledException e) {
                        return "refused";
                    } catch (SignInFailedException e) {
                        return "checked";
                    }
                });
            }
            List<String> results = new ArrayList<>();
            for (Future<String> result : pool.invokeAll(attempts)) {
                results.add(result.get());
            }
            assertThat(results.stream().filter("checked"::equals).count()).isEqualTo(SignInThrottle.PAIR_LIMIT);
            assertThat(results.stream().filter("refused"::equals).count()).isEqualTo(30 - SignInThrottle.PAIR_LIMIT);
        } finally {
            pool.shutdown();
        }
        assertThat(outcomes("parallel.target").stream().filter("FAILED"::equals).count()).isEqualTo(SignInThrottle.PAIR_LIMIT);
    }

    @Test
    void anAddressFailingAcrossManyAccountsIsRefused() {
        createReadyUser("honest.officer", "long enough passphrase", Role.EDITOR);
        for (int i = 0; i < SignInThrottle.ADDRESS_LIMIT; i++) {
            String username = "sprayed" + i;
            assertThatThrownBy(() -> signIn.checkPassword(username, "Summer2026!", address("40"), null))
                    .isInstanceOf(SignInFailedException.class);
        }

        assertThatThrownBy(() -> signIn.checkPassword("honest.officer", "long enough passphrase", address("40"), null))
                .isInstanceOf(SignInThrottledException.class);
        assertThat(signIn.checkPassword("honest.officer", "long enough passphrase", address("41"), null).next())
                .isEqualTo(Step.DONE);
    }

    @Test
    void aDisabledAccountCannotSignInAndSaysNoMoreThanAWrongPassword() {
        UserSummary user = createReadyUser("leaving.officer", "farewell to the office", Role.EDITOR);
        asAdmin();
        users.setEnabled(user.id(), false, user.version());
        SecurityContextHolder.clearContext();

        assertThatThrownBy(() -> signIn.checkPassword("leaving.officer", "farewell to the office", address("50"), null))
                .isInstanceOfSatisfying(SignInFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(SignInFailedException.Reason.WRONG_PASSWORD));
    }

    @Test
    void passwordsNeedLengthInCharactersAndMustNotBeEasyToGuess() {
        assertThat(policy.problem("short", "x")).map(PasswordPolicy.Problem::key).contains("password.too-short");
        assertThat(policy.problem("a".repeat(129), "x")).map(PasswordPolicy.Problem::key).contains("password.too-long");
        assertThat(policy.problem("password123", "x")).hasValueSatisfying(problem -> {
            assertThat(problem.key()).isEqualTo("password.too-weak");
            assertThat(problem.detail()).contains("password.feedback.dictionary.warning.passwords.veryCommon");
        });
        // Common in China, from the supplement to zxcvbn's English lists.
        assertThat(policy.problem("woaini1314", "x")).hasValueSatisfying(problem ->
                assertThat(problem.detail()).contains("password.feedback.dictionary.warning.passwords.top100"));
        assertThat(policy.problem("li.na.2024!", "li.na.2024")).map(PasswordPolicy.Problem::key).contains("password.too-weak");
        assertThat(policy.problem("guangzhou2026", "x")).map(PasswordPolicy.Problem::key).contains("password.too-weak");
        assertThat(policy.problem("广州友好城市登记册的管理员口令是很长的一句话", "x")).isEmpty();
        assertThat(policy.problem("ferry lanterns at dusk", "x")).isEmpty();
    }

    @Test
    void aChinesePassphraseOfTwentyFiveCharactersIsSetAndSignsIn() {
        String passphrase = "白云山下珠江水长流友城情谊万里同心共创繁荣美好明天";
        assertThat(passphrase.codePointCount(0, passphrase.length())).isEqualTo(25);
        assertThat(passphrase.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(75);

        createReadyUser("long.passphrase", passphrase, Role.EDITOR);

        assertThat(signIn.checkPassword("long.passphrase", passphrase, address("60"), null).next()).isEqualTo(Step.DONE);
        // Every character counts, not just the first 72 bytes.
        assertThatThrownBy(() -> signIn.checkPassword("long.passphrase", passphrase.substring(0, 24) + "夜", address("60"), null))
                .isInstanceOf(SignInFailedException.class);
    }

    @Test
    void anOldBcryptHashSignsInAndIsStoredAsArgon2Afterwards() {
        jdbc.sql("""
                        insert into app_user (username, password_hash, role, created_at, password_changed_at)
                        values ('bcrypt.officer', :hash, 'EDITOR', now(), now())
                        """)
                .param("hash", "{bcrypt}" + new BCryptPasswordEncoder().encode("an older passphrase"))
                .update();

        assertThat(signIn.checkPassword("bcrypt.officer", "an older passphrase", address("70"), null).next()).isEqualTo(Step.DONE);

        assertThat(hash("bcrypt.officer")).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
        assertThat(signIn.checkPassword("bcrypt.officer", "an older passphrase", address("70"), null).next()).isEqualTo(Step.DONE);
    }

    @Test
    void anAdministratorSetsUpTheSecondFactorAtTheFirstSignInAndNeedsACodeAfterwards() {
        createUser("new.admin", "handed over on paper", Role.ADMIN);
        PendingSignIn first = signIn.checkPassword("new.admin", "handed over on paper", address("80"), null);
        signIn.chooseNewPassword(first, "tea house by the pearl river");
        assertThat(first.next()).isEqualTo(Step.ENROL);
        SecondFactor.Enrolment enrolment = signIn.enrolment(first);
        assertThat(enrolment.qrCodeDataUri()).startsWith("data:image/png;base64,");
        assertThat(enrolment.otpauthUri()).startsWith("otpauth://totp/").contains("issuer=Youcheng");
        Authenticator phone = new Authenticator(enrolment.secret());
        assertThatThrownBy(() -> signIn.confirmEnrolment(first, phone.wrongCode())).isInstanceOf(SignInFailedException.class);
        List<String> recoveryCodes = signIn.confirmEnrolment(first, phone.nextCode());
        assertThat(recoveryCodes).hasSize(10).allMatch(SecondFactor::looksLikeRecoveryCode);
        assertThat(signIn.complete(first).authentication().getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
        assertThat(jdbc.sql("select count(*) from recovery_code where code_hash like '{argon2%'").query(Integer.class)
                .single()).isGreaterThanOrEqualTo(10);

        PendingSignIn second = signIn.checkPassword("new.admin", "tea house by the pearl river", address("80"), null);
        assertThat(second.next()).isEqualTo(Step.CODE);
        String code = phone.nextCode();
        signIn.checkCode(second, code);
        assertThat(second.next()).isEqualTo(Step.DONE);

        // The same code again is refused: it was spent.
        PendingSignIn third = signIn.checkPassword("new.admin", "tea house by the pearl river", address("80"), null);
        assertThatThrownBy(() -> signIn.checkCode(third, code)).isInstanceOf(SignInFailedException.class);
        // A recovery code works once.
        signIn.checkCode(third, recoveryCodes.get(3).toUpperCase());
        assertThat(signIn.complete(third).authentication().getName()).isEqualTo("new.admin");
        PendingSignIn fourth = signIn.checkPassword("new.admin", "tea house by the pearl river", address("80"), null);
        assertThatThrownBy(() -> signIn.checkCode(fourth, recoveryCodes.get(3))).isInstanceOf(SignInFailedException.class);
        assertThat(events("new.admin")).contains("SECOND_FACTOR_ENROLLED", "RECOVERY_CODE_USED", "PASSWORD_CHANGED");
    }

    @Test
    void wrongCodesAreThrottledLikePasswords() {
        Authenticator phone = createAdminWithSecondFactor("code.guesser.target", "a kite over yuexiu hill", address("90"));

        for (int i = 0; i < SignInThrottle.PAIR_LIMIT; i++) {
            PendingSignIn pending = signIn.checkPassword("code.guesser.target", "a kite over yuexiu hill", address("91"), null);
            assertThatThrownBy(() -> signIn.checkCode(pending, phone.wrongCode())).isInstanceOf(SignInFailedException.class);
        }

        // Knowing the password does not start the count afresh: from there, nothing more is checked.
        assertThatThrownBy(() -> signIn.checkPassword("code.guesser.target", "a kite over yuexiu hill", address("91"), null))
                .isInstanceOf(SignInThrottledException.class);
        // The officer, elsewhere, still signs in with the right code.
        PendingSignIn officer = signIn.checkPassword("code.guesser.target", "a kite over yuexiu hill", address("92"), null);
        signIn.checkCode(officer, phone.nextCode());
        assertThat(officer.next()).isEqualTo(Step.DONE);
    }

    @Test
    void everyChangeOfAnAccountByAnAdministratorEndsItsSessions() {
        UserSummary editor = createReadyUser("session.holder", "morning dim sum crowd", Role.EDITOR);
        Officer session = signedIn("session.holder", "morning dim sum crowd");
        assertThat(revocation.reasonToEnd(session)).isEmpty();

        asAdmin();
        editor = users.setEnabled(editor.id(), false, editor.version());
        assertThat(revocation.reasonToEnd(session)).contains("the account was disabled");
        editor = users.setEnabled(editor.id(), true, editor.version());

        session = signedIn("session.holder", "morning dim sum crowd");
        asAdmin();
        editor = users.resetPassword(editor.id(), "a temporary passphrase", editor.version());
        assertThat(revocation.reasonToEnd(session)).contains("the account was changed since this session signed in");

        PendingSignIn pending = signIn.checkPassword("session.holder", "a temporary passphrase", address("100"), null);
        signIn.chooseNewPassword(pending, "evening congee by the river");
        session = (Officer) signIn.complete(pending).authentication().getPrincipal();
        asAdmin();
        editor = users.users().stream().filter(u -> u.username().equals("session.holder")).findFirst().orElseThrow();
        users.changeRole(editor.id(), Role.ADMIN, editor.version());
        assertThat(revocation.reasonToEnd(session)).contains("the account was changed since this session signed in");
        assertThat(events("session.holder")).containsSubsequence("CREATED", "DISABLED", "ENABLED", "PASSWORD_RESET",
                "PASSWORD_CHANGED", "ROLE_CHANGED");
    }

    @Test
    void changingOnesOwnPasswordEndsOtherSessionsButNotThisOne() {
        createReadyUser("two.desks", "two desks one officer", Role.EDITOR);
        Officer otherDesk = signedIn("two.desks", "two desks one officer");
        Authentication thisDesk = signIn.complete(signIn.checkPassword("two.desks", "two desks one officer", address("110"), null))
                .authentication();
        SecurityContextHolder.getContext().setAuthentication(thisDesk);

        changeOwnPassword("two desks one officer", "a single desk by the window");

        assertThat(revocation.reasonToEnd(otherDesk)).isPresent();
        Officer current = (Officer) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        assertThat(revocation.reasonToEnd(current)).isEmpty();

        users.signOutEverywhere();
        assertThat(revocation.reasonToEnd(current)).isPresent();
        assertThat(events("two.desks")).contains("PASSWORD_CHANGED", "SIGNED_OUT_EVERYWHERE");
    }

    @Test
    void aSessionEndsTwelveHoursAfterSigningInWhateverItsActivity() {
        createReadyUser("long.day", "a very long working day", Role.EDITOR);
        Officer fresh = signedIn("long.day", "a very long working day");
        Officer old = new Officer(fresh.userId(), fresh.username(), fresh.role(), fresh.credentialsVersion(),
                Instant.now().minus(Duration.ofHours(12)).minusSeconds(1));

        assertThat(revocation.reasonToEnd(fresh)).isEmpty();
        assertThat(revocation.reasonToEnd(old)).contains("signed in more than 12 hours ago");
    }

    @Test
    void anAdministratorResetsAnotherOfficersSecondFactorAndOnlyAdministratorsManageAccounts() {
        createAdminWithSecondFactor("lost.phone", "a phone left in a taxi", address("120"));
        asAdmin();
        UserSummary user = users.users().stream().filter(u -> u.username().equals("lost.phone")).findFirst().orElseThrow();
        assertThat(user.secondFactor()).isTrue();

        users.resetSecondFactor(user.id(), user.version());

        SecurityContextHolder.clearContext();
        assertThat(signIn.checkPassword("lost.phone", "a phone left in a taxi", address("120"), null).next()).isEqualTo(Step.ENROL);
        assertThat(events("lost.phone")).contains("SECOND_FACTOR_RESET");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "lost.phone", null, AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
        assertThatThrownBy(users::users).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void twoAdministratorsDisablingEachOtherAtOnceLeaveOneEnabled() throws Exception {
        for (int round = 0; round < 3; round++) {
            UserSummary first = createReadyUser("duel.first." + round, "duel at the first light", Role.ADMIN);
            UserSummary second = createReadyUser("duel.second." + round, "duel at the second light", Role.ADMIN);
            // Only the two duelling administrators may be enabled administrators for the race to matter.
            List<String> others = jdbc.sql("""
                            update app_user set role = 'EDITOR' where role = 'ADMIN' and enabled
                              and username not in (:duel) returning username
                            """)
                    .param("duel", List.of(first.username(), second.username())).query(String.class).list();
            try {
                CyclicBarrier together = new CyclicBarrier(2);
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    Future<?> a = pool.submit(() -> disableAs(first.username(), second, together));
                    Future<?> b = pool.submit(() -> disableAs(second.username(), first, together));
                    a.get();
                    b.get();
                } finally {
                    pool.shutdown();
                }
                assertThat(jdbc.sql("select count(*) from app_user where role = 'ADMIN' and enabled")
                        .query(Integer.class).single()).as("round " + round).isEqualTo(1);
            } finally {
                jdbc.sql("update app_user set role = 'ADMIN' where username in (:names)").param("names", others).update();
            }
        }
    }

    @Test
    void theDatabaseItselfKeepsAnEnabledAdministrator() {
        // Whatever path writes the accounts: here plain SQL, as from psql.
        assertThatThrownBy(() -> jdbc.sql("update app_user set enabled = false where role = 'ADMIN'").update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class)
                .hasMessageContaining("At least one enabled administrator must remain");
        assertThat(jdbc.sql("select count(*) from app_user where role = 'ADMIN' and enabled").query(Integer.class)
                .single()).isPositive();
    }

    @Test
    void aBrowserThatSignedInBeforeIsNotKeptOutByFailuresFromItsSharedAddress() {
        createReadyUser("office.nat", "behind the office router", Role.EDITOR);
        String deviceCookie = signIn.complete(signIn.checkPassword("office.nat", "behind the office router", address("130"), null))
                .deviceCookie();
        // A colleague behind the same address fails ten times in this officer's name.
        for (int i = 0; i < SignInThrottle.PAIR_LIMIT; i++) {
            assertThatThrownBy(() -> signIn.checkPassword("office.nat", "a colleague's guess", address("130"), null))
                    .isInstanceOf(SignInFailedException.class);
        }

        assertThatThrownBy(() -> signIn.checkPassword("office.nat", "behind the office router", address("130"), null))
                .isInstanceOf(SignInThrottledException.class);
        // A forged cookie is worth nothing.
        assertThatThrownBy(() -> signIn.checkPassword("office.nat", "behind the office router", address("130"),
                deviceCookie.replaceFirst("^v1\\.\\d+", "v1.999999"))).isInstanceOf(SignInThrottledException.class);
        assertThatThrownBy(() -> signIn.checkPassword("office.nat", "behind the office router", address("130"),
                deviceCookie.substring(0, deviceCookie.lastIndexOf('.') + 1) + "A".repeat(43)))
                .isInstanceOf(SignInThrottledException.class);
        Instant start = Instant.now();
        assertThat(signIn.checkPassword("office.nat", "behind the office router", address("130"), deviceCookie).next())
                .isEqualTo(Step.DONE);
        // Nor does the account's wait apply to the officer's own browser.
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void afterTwentyWrongCodesInADayOnlyARecoveryCodeSignsIn() {
        createReadyUser("code.ceiling", "the ceiling of codes", Role.ADMIN);
        PendingSignIn enrolling = signIn.checkPassword("code.ceiling", "the ceiling of codes", address("140"), null);
        Authenticator phone = new Authenticator(signIn.enrolment(enrolling).secret());
        List<String> recoveryCodes = signIn.confirmEnrolment(enrolling, phone.nextCode());
        // The officer set this up four hours ago. Then, from many addresses (so that no pair's count refused
        // them) and more than a quarter of an hour ago (so that the account's wait does not slow this test down),
        // twenty wrong codes, recorded as checkCode records them.
        jdbc.sql("update sign_in_attempt set attempted_at = now() - interval '4 hours' where username = 'code.ceiling'")
                .update();
        for (int i = 0; i < SignInThrottle.CODE_LIMIT; i++) {
            jdbc.sql("""
                            insert into sign_in_attempt (username, address, outcome, factor, attempted_at)
                            values ('code.ceiling', :address, 'FAILED', 'CODE', now() - interval '3 hours')
                            """)
                    .param("address", address("14" + i % 10).value()).update();
        }

        PendingSignIn officer = signIn.checkPassword("code.ceiling", "the ceiling of codes", address("14f"), null);
        assertThatThrownBy(() -> signIn.checkCode(officer, phone.nextCode()))
                .isInstanceOfSatisfying(SignInFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(SignInFailedException.Reason.CODES_EXHAUSTED));
        signIn.checkCode(officer, recoveryCodes.get(0));
        assertThat(officer.next()).isEqualTo(Step.DONE);
    }

    @Test
    void aRecoveryCodeUsedByTwoSignInsAtOnceSignsInOnlyOne() throws Exception {
        createReadyUser("shared.code", "a code read over the phone", Role.ADMIN);
        PendingSignIn enrolling = signIn.checkPassword("shared.code", "a code read over the phone", address("150"), null);
        Authenticator phone = new Authenticator(signIn.enrolment(enrolling).secret());
        String code = signIn.confirmEnrolment(enrolling, phone.nextCode()).get(0);
        PendingSignIn one = signIn.checkPassword("shared.code", "a code read over the phone", address("151"), null);
        PendingSignIn two = signIn.checkPassword("shared.code", "a code read over the phone", address("152"), null);

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = pool.invokeAll(List.of(() -> useCode(one, code, together),
                    () -> useCode(two, code, together)));
            assertThat(results.get(0).get() ^ results.get(1).get()).as("exactly one signed in").isTrue();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theWaitForAnAccountDoublesFromOneSecondAndStopsAtSixteen() {
        assertThat(SignInThrottle.delay(SignInThrottle.ACCOUNT_LIMIT - 1)).isZero();
        assertThat(SignInThrottle.delay(SignInThrottle.ACCOUNT_LIMIT)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SignInThrottle.delay(SignInThrottle.ACCOUNT_LIMIT + 3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(SignInThrottle.delay(SignInThrottle.ACCOUNT_LIMIT + 4)).isEqualTo(Duration.ofSeconds(16));
        assertThat(SignInThrottle.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void addressesCountAsIpv4OrAnIpv6SlashSixtyFourAndAnythingElseOnlyAsAHash() {
        assertThat(ClientAddress.of("203.0.113.7").value()).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.of("2001:db8:1:2::5")).isEqualTo(ClientAddress.of("2001:db8:1:2:ffff:0:0:9"));
        assertThat(ClientAddress.of("2001:db8:1:2::5").value()).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientAddress.of("2001:db8:1:3::5")).isNotEqualTo(ClientAddress.of("2001:db8:1:2::5"));
        // Names are never looked up: "cafe" could be a host name.
        assertThat(ClientAddress.of("cafe").value()).startsWith("sha256:");
        assertThat(ClientAddress.of("x".repeat(300)).value()).startsWith("sha256:").hasSizeLessThanOrEqualTo(64);
        assertThat(ClientAddress.of("1.2.3.4\n2026-01-01 forged").value()).startsWith("sha256:");
    }

    @Test
    void theRevocationFilterEndsASessionOlderThanTwelveHoursAtItsNextRequest() throws Exception {
        createReadyUser("night.shift", "a very long night shift", Role.EDITOR);
        Officer fresh = signedIn("night.shift", "a very long night shift");
        Officer old = new Officer(fresh.userId(), fresh.username(), fresh.role(), fresh.credentialsVersion(),
                Instant.now().minus(Duration.ofHours(13)));
        for (Officer officer : List.of(fresh, old)) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
            MockHttpSession session = new MockHttpSession();
            request.setSession(session);
            SecurityContextHolder.getContext().setAuthentication(officer.authentication());
            MockFilterChain chain = new MockFilterChain();

            revocation.filter().doFilter(request, new MockHttpServletResponse(), chain);

            assertThat(session.isInvalid()).as(officer.signedInAt().toString()).isEqualTo(officer == old);
            assertThat(chain.getRequest()).isNotNull();
            SecurityContextHolder.clearContext();
        }
    }

    @Autowired
    SessionRevocation revocation;

    private boolean useCode(PendingSignIn pending, String code, CyclicBarrier together) throws Exception {
        together.await();
        try {
            signIn.checkCode(pending, code);
            return true;
        } catch (SignInFailedException e) {
            return false;
        }
    }

    private void changeOwnPassword(String current, String next) {
        users.changeOwnPassword(current, next, address("110"));
    }

    private void disableAs(String admin, UserSummary target, CyclicBarrier together) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                admin, null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            together.await();
            users.setEnabled(target.id(), false, target.version());
        } catch (UserException e) {
            assertThat(e.message().key()).isEqualTo("users.error.last-admin");
        } catch (InterruptedException | java.util.concurrent.BrokenBarrierException e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Officer signedIn(String username, String password) {
        return (Officer) signIn.complete(signIn.checkPassword(username, password, address("200"), null))
                .authentication().getPrincipal();
    }

    /** An administrator with a second factor set up, as after their first sign-in; answers their phone. */
    private Authenticator createAdminWithSecondFactor(String username, String password, ClientAddress from) {
        createReadyUser(username, password, Role.ADMIN);
        PendingSignIn pending = signIn.checkPassword(username, password, from, null);
        Authenticator phone = new Authenticator(signIn.enrolment(pending).secret());
        signIn.confirmEnrolment(pending, phone.nextCode());
        return phone;
    }

    private UserSummary createUser(String username, String password, Role role) {
        asAdmin();
        UserSummary user = users.create(username, password, role);
        SecurityContextHolder.clearContext();
        return user;
    }

    /** An account past its first sign-in: its password is its own. */
    private UserSummary createReadyUser(String username, String password, Role role) {
        UserSummary user = createUser(username, password, role);
        jdbc.sql("update app_user set must_change_password = false where id = :id").param("id", user.id()).update();
        asAdmin();
        UserSummary ready = users.users().stream().filter(u -> u.id() == user.id()).findFirst().orElseThrow();
        SecurityContextHolder.clearContext();
        return ready;
    }

    private static void asAdmin() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
    }

    private List<String> outcomes(String username) {
        return jdbc.sql("select outcome from sign_in_attempt where username = :username order by id")
                .param("username", username).query(String.class).list();
    }

    private List<String> events(String account) {
        return jdbc.sql("select event from account_event where account = :account order by id")
                .param("account", account).query(String.class).list();
    }

    private String hash(String username) {
        return jdbc.sql("select password_hash from app_user where username = :username")
                .param("username", username).query(String.class).single();
    }

    /** A documentation address (RFC 3849) in a /64 of the test's own: IPv6 addresses count by their /64. */
    private static ClientAddress address(String network) {
        return ClientAddress.of("2001:db8:" + network + "::1");
    }
}
