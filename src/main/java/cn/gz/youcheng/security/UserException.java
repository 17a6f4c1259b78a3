package cn.gz.youcheng.security;

/** A user-management request that cannot be done; carries a translation key for the message. */
public class UserException extends RuntimeException {

    private final String messageKey;

    public UserException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
