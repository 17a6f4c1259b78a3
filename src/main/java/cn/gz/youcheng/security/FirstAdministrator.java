package cn.gz.youcheng.security;

import cn.gz.youcheng.security.repository.AppUserRepository;
import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start with no accounts, creates {@code admin} with the password from
 * {@code APP_ADMIN_PASSWORD}, or with a random one printed once in the log. There is no default password.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final long LOCK = 0x41_64_6D_69_6EL;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String configuredPassword;

    FirstAdministrator(AppUserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy policy,
            TransactionTemplate transactions, DataSource dataSource, Clock clock,
            @Value("${app.admin.password:}") String configuredPassword) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.transactions = transactions;
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            // Two instances starting against one fresh database must not both create the account.
            jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", LOCK).query().singleRow();
            if (users.count() > 0) {
                return;
            }
            boolean generated = configuredPassword.isBlank();
            String password = generated ? randomPassword() : configuredPassword;
            policy.problem(password, USERNAME).ifPresent(problem -> {
                throw new IllegalStateException("APP_ADMIN_PASSWORD is not acceptable (" + problem + "): use "
                        + PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH
                        + " characters that are not a common password");
            });
            users.save(new AppUser(USERNAME, passwordEncoder.encode(password), Role.ADMIN, clock.instant()));
            if (generated) {
                log.warn("Created the first administrator '{}' with the generated password: {}  "
                        + "(shown only this once; sign in and change it)", USERNAME, password);
            } else {
                log.info("Created the first administrator '{}' with the password from APP_ADMIN_PASSWORD", USERNAME);
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
