package cn.gz.youcheng.security;

import java.time.Instant;

/** Sign-in refused without checking, because of too many recent failures; the sign-in view says until when. */
public class SignInThrottledException extends RuntimeException {

    private final Instant retryAt;

    public SignInThrottledException(Instant retryAt) {
        super("Too many failed sign-in attempts; try again after " + retryAt);
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
