package cn.gz.youcheng.base.ui;

import cn.gz.youcheng.base.Message;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.stream.Collectors;

/** Messages in the language of the component's visitor. */
public final class Messages {

    private Messages() {
    }

    public static String text(Component where, Message message) {
        Object[] arguments = message.arguments().stream()
                .map(argument -> argument instanceof Message inner ? text(where, inner) : argument)
                .toArray();
        return where.getTranslation(message.key(), arguments);
    }

    /** Several messages as one text, each a clause. */
    public static String join(Component where, List<Message> messages) {
        String between = Language.of(where.getUI().map(UI::getLocale).orElse(null)) == Language.ZH ? "；" : "; ";
        return messages.stream().map(message -> text(where, message)).collect(Collectors.joining(between));
    }
}
