package cn.gz.youcheng.security;

/**
 * A sign-in step failed. The reason is a translation key; it never says whether an account of that name
 * exists or is disabled.
 */
public class SignInFailedException extends RuntimeException {

    public static final String WRONG_PASSWORD = "login.failed.text";
    public static final String WRONG_CODE = "login.code.wrong";
    public static final String EXPIRED = "login.expired";
    public static final String BUSY = "login.busy";
    public static final String CODES_EXHAUSTED = "login.code.exhausted";

    private final String messageKey;

    SignInFailedException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
