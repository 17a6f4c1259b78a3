package cn.gz.youcheng.security;

import java.util.Optional;

/**
 * A request about accounts that cannot be done: a translation key for the message and, where there is one,
 * a second key that says more (why a password is too weak).
 */
public class UserException extends RuntimeException {

    private final String messageKey;
    private final String detailKey;

    public UserException(String messageKey) {
        this(messageKey, null);
    }

    public UserException(String messageKey, String detailKey) {
        super(messageKey);
        this.messageKey = messageKey;
        this.detailKey = detailKey;
    }

    public String messageKey() {
        return messageKey;
    }

    public Optional<String> detailKey() {
        return Optional.ofNullable(detailKey);
    }
}
