package cn.gz.youcheng.security;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refuses sign-in for an account, or from an address, after {@value #MAX_FAILURES} failures within
 * {@link #WINDOW} (counting since its last success), until the window has passed. Attempts are kept in
 * the database so that every instance of the application counts the same ones.
 */
@Component
public class SignInThrottle {

    public static final int MAX_FAILURES = 10;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration RETENTION = Duration.ofDays(90);

    private final JdbcClient jdbc;
    private final Clock clock;

    SignInThrottle(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    public boolean isBlocked(String username, String address) {
        OffsetDateTime since = OffsetDateTime.ofInstant(clock.instant().minus(WINDOW), ZoneOffset.UTC);
        int forAccount = jdbc.sql("""
                        select count(*) from sign_in_attempt a
                        where lower(a.username) = lower(:username) and not a.succeeded and a.attempted_at > :since
                          and a.attempted_at > coalesce((select max(s.attempted_at) from sign_in_attempt s
                              where lower(s.username) = lower(:username) and s.succeeded), '-infinity')
                        """)
                .param("username", username).param("since", since)
                .query(Integer.class).single();
        int fromAddress = jdbc.sql("""
                        select count(*) from sign_in_attempt a
                        where a.address = :address and not a.succeeded and a.attempted_at > :since
                          and a.attempted_at > coalesce((select max(s.attempted_at) from sign_in_attempt s
                              where s.address = :address and s.succeeded), '-infinity')
                        """)
                .param("address", address).param("since", since)
                .query(Integer.class).single();
        return forAccount >= MAX_FAILURES || fromAddress >= MAX_FAILURES;
    }

    public void record(String username, String address, boolean succeeded) {
        jdbc.sql("""
                        insert into sign_in_attempt (username, address, succeeded, attempted_at)
                        values (:username, :address, :succeeded, :at)
                        """)
                .param("username", username.length() > 64 ? username.substring(0, 64) : username)
                .param("address", address)
                .param("succeeded", succeeded)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
    }

    /** Attempts older than {@link #RETENTION} are of no use to the throttle; a nightly clean-up drops them. */
    @Scheduled(cron = "0 17 3 * * *", zone = "Asia/Shanghai")
    public int forgetOldAttempts() {
        return jdbc.sql("delete from sign_in_attempt where attempted_at < :cutoff")
                .param("cutoff", OffsetDateTime.ofInstant(clock.instant().minus(RETENTION), ZoneOffset.UTC))
                .update();
    }
}
