package cn.gz.youcheng.directory;

import cn.gz.youcheng.base.Message;
import cn.gz.youcheng.base.Translations;
import cn.gz.youcheng.registry.query.PublicChanges.Change;
import java.util.Locale;

/** How a change of the lists reads, the same in the change feed and on the changes page. */
public final class ChangeWording {

    private ChangeWording() {
    }

    /** "Suspended: Kherson (Ukraine)", "暂停：赫尔松（乌克兰）". */
    public static String title(Change change, Locale locale) {
        return text("changes.kind." + DirectoryParameters.name(change.kind()), locale, partner(change, locale));
    }

    /** The partner's name and country in the language. */
    public static String partner(Change change, Locale locale) {
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? change.nameZh() + "（" + change.countryZh() + "）"
                : change.nameEn() + " (" + change.countryEn() + ")";
    }

    /** The agreement, the day the change took effect, and its published reason if any. */
    public static String summary(Change change, Locale locale) {
        String summary = text("kind." + DirectoryParameters.name(change.agreementKind()), locale) + " · "
                + text("changes.effective", locale, change.effectiveOn().toString());
        return change.reason() == null ? summary : summary + " · " + text("changes.reason", locale, change.reason());
    }

    private static String text(String key, Locale locale, Object... arguments) {
        return Translations.text(Message.of(key, arguments), locale);
    }
}
