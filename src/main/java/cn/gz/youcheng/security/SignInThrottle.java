package cn.gz.youcheng.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts sign-in failures so that guessing is slow and cannot be turned into a lockout (decision record
 * 0009):
 * <ul>
 * <li>one account from one address: refused after {@value #PAIR_LIMIT} failures within {@link #WINDOW}
 * (since that pair's last success);</li>
 * <li>one address, any accounts: refused after {@value #ADDRESS_LIMIT} failures within the window;</li>
 * <li>one account from anywhere: after {@value #ACCOUNT_LIMIT} failures within the window (since its last
 * success) every further attempt waits, one second doubling per failure up to {@link #MAX_DELAY}, but is
 * never refused, so that nobody can keep an officer out by failing in their name.</li>
 * </ul>
 * An attempt is reserved (recorded as pending, and counted as a failure) before its password or code is
 * checked, under locks of its pair and its address, so that parallel attempts count each other. Attempts
 * live in the database so that every instance counts the same ones.
 */
@Component
public class SignInThrottle {

    public static final int PAIR_LIMIT = 10;
    public static final int ADDRESS_LIMIT = 30;
    public static final int ACCOUNT_LIMIT = 10;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration MAX_DELAY = Duration.ofSeconds(16);
    /** Six months: China's Cybersecurity Law (art. 21) asks network logs to be kept at least that long. */
    static final Duration RETENTION = Duration.ofDays(183);

    public enum Factor {
        PASSWORD, CODE
    }

    /** An attempt that may be checked, after waiting {@code delay}. */
    public record Reservation(long attempt, Duration delay) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    SignInThrottle(DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Reserves an attempt for the account (as typed) from the address, or refuses it.
     *
     * @throws SignInThrottledException if the pair or the address has failed too often; nothing is checked
     */
    public Reservation reserve(String username, ClientAddress address, Factor factor) {
        String account = bounded(username);
        Instant now = clock.instant();
        OffsetDateTime since = utc(now.minus(WINDOW));
        Object result = ownTransaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(1, hashtext(lower(:account) || ' ' || :address))")
                    .param("account", account).param("address", address.value()).query().singleRow();
            jdbc.sql("select pg_advisory_xact_lock(2, hashtext(:address))")
                    .param("address", address.value()).query().singleRow();
            Counted pair = jdbc.sql("""
                            select count(*) as failures, min(a.attempted_at) as oldest from sign_in_attempt a
                            where lower(a.username) = lower(:account) and a.address = :address
                              and a.outcome in ('FAILED', 'PENDING') and a.attempted_at > :since
                              and a.attempted_at > coalesce((select max(s.attempted_at) from sign_in_attempt s
                                  where lower(s.username) = lower(:account) and s.address = :address
                                    and s.outcome = 'SUCCEEDED'), '-infinity')
                            """)
                    .param("account", account).param("address", address.value()).param("since", since)
                    .query(Counted.class).single();
            Counted fromAddress = jdbc.sql("""
                            select count(*) as failures, min(a.attempted_at) as oldest from sign_in_attempt a
                            where a.address = :address and a.outcome in ('FAILED', 'PENDING') and a.attempted_at > :since
                            """)
                    .param("address", address.value()).param("since", since)
                    .query(Counted.class).single();
            if (pair.failures() >= PAIR_LIMIT || fromAddress.failures() >= ADDRESS_LIMIT) {
                insert(account, address, factor, "REFUSED", now);
                OffsetDateTime oldest = pair.failures() >= PAIR_LIMIT ? pair.oldest() : fromAddress.oldest();
                return new SignInThrottledException(oldest.toInstant().plus(WINDOW));
            }
            int forAccount = jdbc.sql("""
                            select count(*) from sign_in_attempt a
                            where lower(a.username) = lower(:account) and a.outcome in ('FAILED', 'PENDING')
                              and a.attempted_at > :since
                              and a.attempted_at > coalesce((select max(s.attempted_at) from sign_in_attempt s
                                  where lower(s.username) = lower(:account) and s.outcome = 'SUCCEEDED'), '-infinity')
                            """)
                    .param("account", account).param("since", since)
                    .query(Integer.class).single();
            return new Reservation(insert(account, address, factor, "PENDING", now), delay(forAccount));
        });
        if (result instanceof SignInThrottledException refused) {
            throw refused;
        }
        return (Reservation) result;
    }

    public void failed(Reservation reservation) {
        finish(reservation, "FAILED");
    }

    /** Signed in: the pair and the account start counting afresh. */
    public void succeeded(Reservation reservation) {
        finish(reservation, "SUCCEEDED");
    }

    /**
     * The password was right but a code is still to come: not a failure, and not a success either, or
     * knowing the password would let anyone start the count of wrong codes afresh.
     */
    public void passed(Reservation reservation) {
        finish(reservation, "PASSED");
    }

    /** Not checked after all (too many sign-ins waiting at once): counts as nothing. */
    public void released(Reservation reservation) {
        finish(reservation, "REFUSED");
    }

    /** Attempts older than {@link #RETENTION} are dropped by a nightly clean-up. */
    @Scheduled(cron = "0 17 3 * * *", zone = "Asia/Shanghai")
    public int forgetOldAttempts() {
        return jdbc.sql("delete from sign_in_attempt where attempted_at < :cutoff")
                .param("cutoff", utc(clock.instant().minus(RETENTION)))
                .update();
    }

    static Duration delay(int accountFailures) {
        if (accountFailures < ACCOUNT_LIMIT) {
            return Duration.ZERO;
        }
        int doublings = Math.min(accountFailures - ACCOUNT_LIMIT, 30);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private void finish(Reservation reservation, String outcome) {
        jdbc.sql("update sign_in_attempt set outcome = :outcome where id = :id and outcome = 'PENDING'")
                .param("outcome", outcome).param("id", reservation.attempt())
                .update();
    }

    private long insert(String account, ClientAddress address, Factor factor, String outcome, Instant at) {
        return jdbc.sql("""
                        insert into sign_in_attempt (username, address, outcome, factor, attempted_at)
                        values (:account, :address, :outcome, :factor, :at) returning id
                        """)
                .param("account", account)
                .param("address", address.value())
                .param("outcome", outcome)
                .param("factor", factor.name())
                .param("at", utc(at))
                .query(Long.class).single();
    }

    /** Accounts are at most 64 characters; what is typed is counted as typed, cut to the column. */
    static String bounded(String username) {
        String typed = username == null ? "" : username.strip();
        return typed.codePointCount(0, typed.length()) <= 64 ? typed
                : typed.substring(0, typed.offsetByCodePoints(0, 64));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private record Counted(int failures, OffsetDateTime oldest) {
    }
}
