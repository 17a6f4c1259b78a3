package cn.gz.youcheng.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Device cookies (OWASP, "Slow down online guessing attacks with device cookies"): a browser that has signed
 * in to an account gets a cookie naming that account and the browser, signed with a key kept in the database
 * (so every instance can check it). Its sign-ins are counted per browser rather than per address, so that
 * failures by somebody else behind the same address (an office's NAT) or for the same account from
 * elsewhere neither refuse nor slow the officer at their own computer. The cookie proves nothing about the
 * password: it only changes how failures are counted.
 */
@Component
public class DeviceCookies {

    public static final String NAME = "YC_DEVICE";
    public static final Duration LIFETIME = Duration.ofDays(180);
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Read at first use, after Flyway has made it. */
    private volatile byte @Nullable [] key;

    DeviceCookies(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /** The browser's device id, if the cookie is one of ours, for this account and not expired. */
    Optional<String> device(@Nullable String cookie, long userId) {
        if (cookie == null || cookie.length() > 200) {
            return Optional.empty();
        }
        String[] parts = cookie.split("\\.");
        if (parts.length != 5 || !parts[0].equals("v1")) {
            return Optional.empty();
        }
        String payload = String.join(".", parts[0], parts[1], parts[2], parts[3]);
        byte[] signature;
        try {
            signature = DECODE.decode(parts[4]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(parts[1]) != userId
                    || Instant.ofEpochSecond(Long.parseLong(parts[3])).isBefore(clock.instant())) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(parts[2]);
    }

    /** A cookie for this account and browser: the same device id again if it had one, or a new one. */
    String issue(long userId, Optional<String> device) {
        String id = device.orElseGet(() -> {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            return ENCODE.encodeToString(bytes);
        });
        String payload = String.join(".", "v1", Long.toString(userId), id,
                Long.toString(clock.instant().plus(LIFETIME).getEpochSecond()));
        return payload + "." + ENCODE.encodeToString(sign(payload));
    }

    private byte[] sign(String payload) {
        try {
            byte[] key = this.key;
            if (key == null) {
                key = jdbc.sql("select value from app_secret where name = 'device-cookie'")
                        .query((rs, i) -> rs.getBytes(1)).single();
                this.key = key;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
