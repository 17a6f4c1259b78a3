package cn.gz.youcheng.base.ui;

import org.jspecify.annotations.Nullable;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;

/** The languages of the interface. The choice is kept in the session, so it holds across pages. */
public enum Language {
    /** Simplified Chinese with the country, so that bean-validation and date texts are Chinese too. */
    ZH(Locale.SIMPLIFIED_CHINESE, "中文"),
    EN(Locale.ENGLISH, "English");

    private final Locale locale;
    private final String nativeName;

    Language(Locale locale, String nativeName) {
        this.locale = locale;
        this.nativeName = nativeName;
    }

    public Locale locale() {
        return locale;
    }

    String nativeName() {
        return nativeName;
    }

    /** {@code zh} or {@code en}: the language's code, as in the {@code lang} URL parameter and HTML attribute. */
    public String code() {
        return locale.getLanguage();
    }

    /** The language a visitor of this one switches to: there are two. */
    public Language other() {
        return this == ZH ? EN : ZH;
    }

    public static Language of(@Nullable Locale locale) {
        return locale != null && locale.getLanguage().equals(Locale.CHINESE.getLanguage()) ? ZH : EN;
    }

    /** Whether a visitor of this locale reads the Chinese names first (views choose names by it). */
    public static boolean chinese(@Nullable Locale locale) {
        return of(locale) == ZH;
    }

    /** {@code zh} or {@code en}, as in the {@code lang} URL parameter; null for anything else. */
    public static @Nullable Language parse(@Nullable String code) {
        for (Language language : values()) {
            if (language.locale.getLanguage().equalsIgnoreCase(code)) {
                return language;
            }
        }
        return null;
    }

    static void choose(Language language) {
        VaadinSession.getCurrent().setLocale(language.locale);
        UI.getCurrent().setLocale(language.locale);
    }
}
