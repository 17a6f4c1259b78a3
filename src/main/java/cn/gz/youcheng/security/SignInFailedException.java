package cn.gz.youcheng.security;

import cn.gz.youcheng.base.Message;

/**
 * A sign-in step failed, for a reason that never says whether an account of that name exists or is
 * disabled.
 */
public class SignInFailedException extends RuntimeException {

    /** Why a step failed, each with the message the visitor sees. */
    public enum Reason {
        WRONG_PASSWORD("login.failed.text"),
        WRONG_CODE("login.code.wrong"),
        /** The step waited too long, or the sign-in it belongs to is gone: start again. */
        EXPIRED("login.expired"),
        BUSY("login.busy"),
        CODES_EXHAUSTED("login.code.exhausted");

        private final String key;

        Reason(String key) {
            this.key = key;
        }

        public Message message() {
            return Message.of(key);
        }
    }

    private final Reason reason;

    SignInFailedException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public Message message() {
        return reason.message();
    }
}
