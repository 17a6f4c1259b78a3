package cn.gz.youcheng.security.ui;

import cn.gz.youcheng.base.ui.Messages;
import cn.gz.youcheng.security.UserException;
import com.vaadin.flow.component.Component;

/** The text of a refused account request in the visitor's language, with its more specific reason if any. */
final class AccountMessages {

    private AccountMessages() {
    }

    static String of(Component where, UserException e) {
        String message = Messages.text(where, e.message());
        // Chinese sentences follow each other without a space.
        String between = message.endsWith("。") ? "" : " ";
        return message + e.detail().map(detail -> between + Messages.text(where, detail)).orElse("");
    }
}
