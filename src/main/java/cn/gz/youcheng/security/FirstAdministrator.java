package cn.gz.youcheng.security;

import cn.gz.youcheng.security.repository.AppUserRepository;
import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start with no accounts, creates the administrator named by {@code APP_ADMIN_USERNAME}
 * ({@code admin} by default) with the password from {@code APP_ADMIN_PASSWORD}, or with a random one printed
 * once in the log. There is no default password. Either way the password has been seen outside the
 * application (an environment variable, a log), so the administrator must choose a new one and set up the
 * second factor at the first sign-in.
 */
@Component
class FirstAdministrator implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final long LOCK = 0x41_64_6D_69_6EL;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final AccountEvents events;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String username;
    private final String configuredPassword;

    FirstAdministrator(AppUserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy policy,
            AccountEvents events, TransactionTemplate transactions, DataSource dataSource, Clock clock,
            @Value("${app.admin.username:admin}") String username,
            @Value("${app.admin.password:}") String configuredPassword) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.events = events;
        this.transactions = transactions;
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        this.username = username.strip();
        this.configuredPassword = configuredPassword;
    }

    /** Before the web server takes requests, like the seed load: nobody can sign in before there is an account. */
    @Override
    public void afterSingletonsInstantiated() {
        if (!username.matches(UserService.USERNAME_PATTERN)) {
            throw new IllegalStateException("APP_ADMIN_USERNAME is not acceptable: use 2 to 64 letters, digits, "
                    + "dots, dashes or @");
        }
        transactions.executeWithoutResult(status -> {
            // Two instances starting against one fresh database must not both create the account.
            jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", LOCK).query().singleRow();
            if (users.count() > 0) {
                return;
            }
            boolean generated = configuredPassword.isBlank();
            String password = generated ? randomPassword() : configuredPassword;
            policy.problem(password, username).ifPresent(problem -> {
                throw new IllegalStateException("APP_ADMIN_PASSWORD is not acceptable (" + problem.key()
                        + problem.detail().map(detail -> ": " + detail).orElse("") + "): use "
                        + PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH
                        + " characters that are not easy to guess, such as a few uncommon words");
            });
            AppUser administrator = new AppUser(username, passwordEncoder.encode(password), Role.ADMIN, clock.instant());
            administrator.requirePasswordChange();
            events.recordCreated(users.saveAndFlush(administrator));
            if (generated) {
                log.warn("Created the first administrator '{}' with the generated password: {}  "
                        + "(shown only this once; a new password and a second factor are set at the first sign-in)",
                        username, password);
            } else {
                log.info("Created the first administrator '{}' with the password from APP_ADMIN_PASSWORD; "
                        + "a new password and a second factor are set at the first sign-in", username);
            }
        });
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
