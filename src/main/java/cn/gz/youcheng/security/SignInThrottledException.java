package cn.gz.youcheng.security;

import org.springframework.security.core.AuthenticationException;

/** Sign-in refused because of too many recent failures; the login view explains it. */
public class SignInThrottledException extends AuthenticationException {

    public SignInThrottledException() {
        super("Too many failed sign-in attempts; try again later");
    }
}
