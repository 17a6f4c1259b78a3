package cn.gz.youcheng.base.ui;

import cn.gz.youcheng.base.Message;
import cn.gz.youcheng.base.Translations;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Messages in the language of the component's visitor. */
public final class Messages {

    private Messages() {
    }

    /** The message in the visitor's language, from the translation files every other text comes from. */
    public static String text(Component where, Message message) {
        return Translations.text(message, locale(where));
    }

    /** The visitor's language: the component's page's, or the current page's while it is being built. */
    private static @Nullable Locale locale(Component where) {
        return where.getUI().or(() -> Optional.ofNullable(UI.getCurrent())).map(UI::getLocale).orElse(null);
    }

    /** Several messages as one text, each a clause. */
    public static String join(Component where, List<Message> messages) {
        String between = Language.of(locale(where)) == Language.ZH ? "；" : "; ";
        return messages.stream().map(message -> text(where, message)).collect(Collectors.joining(between));
    }
}
