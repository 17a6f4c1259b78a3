package cn.gz.youcheng.directory;

import cn.gz.youcheng.base.Message;
import cn.gz.youcheng.base.Translations;
import cn.gz.youcheng.registry.query.Anniversaries.Anniversary;
import java.util.Locale;

/** How an anniversary reads, the same on the anniversaries page and in the calendar. */
public final class AnniversaryWording {

    private AnniversaryWording() {
    }

    /** "Fukuoka (Japan): 50th anniversary", "福冈（日本）：50 周年". */
    public static String title(Anniversary anniversary, Locale locale) {
        boolean chinese = Locale.CHINESE.getLanguage().equals(locale.getLanguage());
        String partner = chinese ? anniversary.nameZh() + "（" + anniversary.countryZh() + "）"
                : anniversary.nameEn() + " (" + anniversary.countryEn() + ")";
        return text("anniversaries.title-of", locale, partner, anniversary.years());
    }

    /** The agreement and the day it was signed. */
    public static String summary(Anniversary anniversary, Locale locale) {
        return text("kind." + DirectoryParameters.name(anniversary.kind()), locale) + " · "
                + text("anniversaries.signed", locale, anniversary.signedOn().toString());
    }

    private static String text(String key, Locale locale, Object... arguments) {
        return Translations.text(Message.of(key, arguments), locale);
    }
}
