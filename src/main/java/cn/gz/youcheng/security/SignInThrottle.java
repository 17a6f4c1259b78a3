package cn.gz.youcheng.security;

import cn.gz.youcheng.base.Guangzhou;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts sign-in failures so that guessing is slow and cannot be turned into a lockout (decision record
 * 0009). Failures count within {@link #WINDOW}:
 * <ul>
 * <li>one account from one address: refused after {@value #PAIR_LIMIT} failures (since that pair's last
 * sign-in);</li>
 * <li>one address, any accounts: refused after {@value #ADDRESS_LIMIT} failures;</li>
 * <li>one account from anywhere: after {@value #ACCOUNT_LIMIT} failures (since its last sign-in) every
 * further attempt waits, one second doubling per failure up to {@link #MAX_DELAY}, but is not refused;</li>
 * <li>from a browser with a device cookie for the account ({@link DeviceCookies}): counted for that browser
 * alone, refused after {@value #PAIR_LIMIT} failures, and neither the address's count nor the account's wait
 * applies, so that nobody failing in an officer's name, or behind the same address, keeps them out.</li>
 * </ul>
 * Wrong codes of the second factor are failures like wrong passwords; besides, after {@value #CODE_LIMIT}
 * wrong codes within a day (since its last sign-in) an account takes no more codes from its authenticator,
 * only recovery codes (or an administrator's reset): only someone who knows the password can get there.
 *
 * <p>An attempt is reserved (recorded as pending, and counted as a failure) before its password or code is
 * checked, under locks of its pair (or device), its address and its account, taken in that order, so that
 * parallel attempts count each other. Attempts live in the database so that every instance counts the same
 * ones; refused attempts are only logged, so that a flood of them fills no table.
 */
@Component
public class SignInThrottle {

    public static final int PAIR_LIMIT = 10;
    public static final int ADDRESS_LIMIT = 30;
    public static final int ACCOUNT_LIMIT = 10;
    public static final int CODE_LIMIT = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** Wrong codes count for a day: at {@value #CODE_LIMIT} a day a six-digit code takes decades to guess. */
    static final Duration CODE_WINDOW = Duration.ofHours(24);
    static final Duration MAX_DELAY = Duration.ofSeconds(16);
    /** Six months: China's Cybersecurity Law (art. 21) asks network logs to be kept at least that long. */
    static final Duration RETENTION = Duration.ofDays(183);

    public enum Factor {
        PASSWORD, CODE
    }

    /**
     * An attempt that may be checked, after waiting {@code delay}; {@code wrongCodes} is the account's count
     * of wrong codes within a day since its last sign-in, this one not included.
     */
    public record Reservation(long attempt, Duration delay, int wrongCodes) {
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
     * Reserves an attempt for the account (as typed) from the address, or from a browser with a device cookie
     * for the account, or refuses it.
     *
     * @throws SignInThrottledException if the pair, the device or the address has failed too often; nothing
     *                                  is checked and nothing recorded
     */
    public Reservation reserve(String username, ClientAddress address, Optional<String> device, Factor factor) {
        String account = bounded(username);
        Instant now = clock.instant();
        OffsetDateTime since = utc(now.minus(WINDOW));
        Object result = ownTransaction.execute(status -> {
            if (device.isPresent()) {
                lock(1, "device " + device.get());
                Counted fromDevice = jdbc.sql("""
                                select count(*) as failures, min(a.attempted_at) as oldest from sign_in_attempt a
                                where a.device = :device and a.outcome in ('FAILED', 'PENDING') and a.attempted_at > :since
                                  and a.attempted_at > coalesce((select max(s.attempted_at) from sign_in_attempt s
                                      where lower(s.username) = lower(:account) and s.device = :device
                                        and s.outcome = 'SUCCEEDED'), '-infinity')
                                """)
                        .param("device", device.get()).param("account", account).param("since", since)
                        .query(Counted.class).single();
                if (fromDevice.failures() >= PAIR_LIMIT) {
                    return new SignInThrottledException(fromDevice.oldest().toInstant().plus(WINDOW));
                }
            } else {
                lock(1, account.toLowerCase(Locale.ROOT) + " " + address.value());
                lock(2, address.value());
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
                    OffsetDateTime oldest = pair.failures() >= PAIR_LIMIT ? pair.oldest() : fromAddress.oldest();
                    return new SignInThrottledException(oldest.toInstant().plus(WINDOW));
                }
            }
            lock(3, account.toLowerCase(Locale.ROOT));
            AccountCount forAccount = jdbc.sql("""
                            select count(*) filter (where a.attempted_at > :since) as failures,
                                   count(*) filter (where a.factor = 'CODE') as wrong_codes
                            from sign_in_attempt a
                            where lower(a.username) = lower(:account) and a.outcome in ('FAILED', 'PENDING')
                              and a.attempted_at > :codeSince and a.attempted_at > coalesce((select max(s.attempted_at) from sign_in_attempt s
                                  where lower(s.username) = lower(:account) and s.outcome = 'SUCCEEDED'), '-infinity')
                            """)
                    .param("account", account).param("since", since).param("codeSince", utc(now.minus(CODE_WINDOW)))
                    .query(AccountCount.class).single();
            long attempt = jdbc.sql("""
                            insert into sign_in_attempt (username, address, device, outcome, factor, attempted_at)
                            values (:account, :address, :device, 'PENDING', :factor, :at) returning id
                            """)
                    .param("account", account)
                    .param("address", address.value())
                    .param("device", device.orElse(null))
                    .param("factor", factor.name())
                    .param("at", utc(now))
                    .query(Long.class).single();
            return new Reservation(attempt, device.isPresent() ? Duration.ZERO : delay(forAccount.failures()),
                    forAccount.wrongCodes());
        });
        if (result instanceof SignInThrottledException refused) {
            throw refused;
        }
        return (Reservation) result;
    }

    /** A wrong password or code; also an attempt given up because too many were waiting (it was tried). */
    public void failed(Reservation reservation) {
        finish(reservation, "FAILED");
    }

    /** Signed in: the pair, the device and the account start counting afresh. */
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

    /** Not checked after all, for a reason that is not the visitor's doing: counts as nothing. */
    public void released(Reservation reservation) {
        jdbc.sql("delete from sign_in_attempt where id = :id and outcome = 'PENDING'")
                .param("id", reservation.attempt()).update();
    }

    /** Attempts older than {@link #RETENTION} are dropped by a nightly clean-up. */
    @Scheduled(cron = "0 17 3 * * *", zone = Guangzhou.ZONE_ID)
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

    /** Accounts are at most 64 characters; what is typed is counted as typed, cut to the column. */
    static String bounded(String username) {
        String typed = username == null ? "" : username.strip();
        return typed.codePointCount(0, typed.length()) <= 64 ? typed
                : typed.substring(0, typed.offsetByCodePoints(0, 64));
    }

    private void lock(int kind, String key) {
        jdbc.sql("select pg_advisory_xact_lock(:kind, hashtext(:key))").param("kind", kind).param("key", key)
                .query().singleRow();
    }

    private void finish(Reservation reservation, String outcome) {
        jdbc.sql("update sign_in_attempt set outcome = :outcome where id = :id and outcome = 'PENDING'")
                .param("outcome", outcome).param("id", reservation.attempt())
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private record Counted(int failures, OffsetDateTime oldest) {
    }

    private record AccountCount(int failures, int wrongCodes) {
    }
}
