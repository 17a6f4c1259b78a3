package cn.gz.youcheng.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Honours {@code ?lang=zh} or {@code ?lang=en} on any page, so that a shared link can fix the language; a
 * language chosen earlier in the session is kept otherwise.
 */
@Component
class LanguageParameter implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            if (VaadinSession.getCurrent().getLocale() != null) {
                init.getUI().setLocale(VaadinSession.getCurrent().getLocale());
            }
            // The browser's "zh" matches our Chinese texts; Hibernate Validator's and the date pickers' need zh-CN.
            if (Language.of(init.getUI().getLocale()) == Language.ZH) {
                init.getUI().setLocale(Locale.SIMPLIFIED_CHINESE);
            }
            init.getUI().addBeforeEnterListener(enter -> {
                Language language = enter.getLocation().getQueryParameters().getSingleParameter("lang")
                        .map(Language::parse).orElse(null);
                if (language != null && Language.of(enter.getUI().getLocale()) != language) {
                    Language.choose(language);
                }
            });
        });
    }
}
