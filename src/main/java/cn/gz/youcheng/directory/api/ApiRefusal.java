package cn.gz.youcheng.directory.api;

import cn.gz.youcheng.base.Message;
import org.springframework.http.HttpStatus;

/** A request the API answers with a problem (RFC 9457) rather than data: the caller's to mend. */
class ApiRefusal extends RuntimeException {

    private final HttpStatus status;
    private final Message reason;

    ApiRefusal(HttpStatus status, Message reason) {
        super(reason.key(), null, false, false);
        this.status = status;
        this.reason = reason;
    }

    HttpStatus status() {
        return status;
    }

    Message reason() {
        return reason;
    }
}
