package cn.gz.youcheng.base;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;

/**
 * Messages said outside a Vaadin page (a download's error, a log line), from the same translation files
 * the pages use ({@code vaadin-i18n/translations*.properties}).
 */
public final class Translations {

    private static final String BUNDLE = "vaadin-i18n.translations";

    private Translations() {
    }

    /** The message in a language: Chinese for any Chinese locale, else English (also when none is known). */
    public static String text(Message message, @Nullable Locale locale) {
        Locale language = locale != null && locale.getLanguage().equals("zh") ? Locale.CHINESE : Locale.ROOT;
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] arguments = message.arguments().stream()
                .map(argument -> argument instanceof Message inner ? text(inner, locale) : argument)
                .toArray();
        try {
            String pattern = bundle.getString(message.key());
            // As Vaadin's pages do: a text without arguments is as written, its apostrophes included.
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, language).format(arguments);
        } catch (MissingResourceException e) {
            return message.key() + message.arguments();
        }
    }

    /** For logs, which are read in English. */
    public static String english(Message message) {
        return text(message, Locale.ROOT);
    }
}
