package cn.gz.youcheng.security;

import cn.gz.youcheng.base.Message;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A request about accounts that cannot be done: what to tell the officer and, where there is more to say,
 * why (a password too weak, and in what way). Said as messages, translated where it is shown.
 */
public class UserException extends RuntimeException {

    private final Message message;
    private final @Nullable Message detail;

    public UserException(String messageKey) {
        this(messageKey, null);
    }

    public UserException(String messageKey, @Nullable String detailKey) {
        super(messageKey);
        this.message = Message.of(messageKey);
        this.detail = detailKey == null ? null : Message.of(detailKey);
    }

    public Message message() {
        return message;
    }

    public Optional<Message> detail() {
        return Optional.ofNullable(detail);
    }
}
