package cn.gz.youcheng.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * One-time recovery codes for an officer who has lost their authenticator. Only their password hashes are
 * kept (about 80 bits of randomness each, below what a fast hash would be enough for); each works once.
 */
@Component
class RecoveryCodes {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final SecondFactor secondFactor;
    private final Clock clock;

    RecoveryCodes(DataSource dataSource, PasswordEncoder passwordEncoder, SecondFactor secondFactor, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.passwordEncoder = passwordEncoder;
        this.secondFactor = secondFactor;
        this.clock = clock;
    }

    /** New codes in place of all earlier ones; the plain codes are answered once and never stored. */
    List<String> replace(AppUser user) {
        removeAll(user);
        List<String> codes = secondFactor.newRecoveryCodes();
        for (String code : codes) {
            jdbc.sql("insert into recovery_code (user_id, code_hash) values (:user, :hash)")
                    .param("user", user.getId())
                    .param("hash", passwordEncoder.encode(code))
                    .update();
        }
        return codes;
    }

    void removeAll(AppUser user) {
        jdbc.sql("delete from recovery_code where user_id = :user").param("user", user.getId()).update();
    }

    /** Marks the matching unused code as used; false if none matches. The rows are locked: a code works once. */
    boolean use(AppUser user, String code) {
        String typed = SecondFactor.normalisedRecoveryCode(code);
        List<StoredCode> unused = jdbc.sql("""
                        select id, code_hash from recovery_code where user_id = :user and used_at is null
                        order by id for update
                        """)
                .param("user", user.getId())
                .query((rs, i) -> new StoredCode(rs.getLong("id"), rs.getString("code_hash"))).list();
        for (StoredCode stored : unused) {
            if (passwordEncoder.matches(typed, stored.codeHash())) {
                jdbc.sql("update recovery_code set used_at = :at where id = :id")
                        .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                        .param("id", stored.id())
                        .update();
                return true;
            }
        }
        return false;
    }

    int unused(AppUser user) {
        return jdbc.sql("select count(*) from recovery_code where user_id = :user and used_at is null")
                .param("user", user.getId()).query(Integer.class).single();
    }

    private record StoredCode(long id, String codeHash) {
    }
}
