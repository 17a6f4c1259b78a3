package cn.gz.youcheng.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The high-contrast colours a visitor may switch on (the ministry's senior-friendly rules; styles.css has
 * them under {@code html[data-contrast]}). The choice is remembered in a cookie for a year, and the first
 * HTML of every page already carries it, so that no page is ever first drawn in the other colours.
 */
@Component
class HighContrast implements VaadinServiceInitListener {

    static final String COOKIE = "youcheng-contrast";
    static final String ATTRIBUTE = "data-contrast";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            if (chosen(response.getVaadinRequest())) {
                response.getDocument().select("html").attr(ATTRIBUTE, "");
            }
        });
    }

    /** Whether the visitor who sent this request chose high contrast. */
    static boolean chosen(@Nullable VaadinRequest request) {
        Cookie[] cookies = request == null ? null : request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(cookie -> COOKIE.equals(cookie.getName()) && "1".equals(cookie.getValue()));
    }

    /** Switches the page to the chosen colours at once, and remembers the choice for the visitor's next pages. */
    static void choose(UI ui, boolean contrast) {
        ui.getPage().executeJs("document.documentElement.toggleAttribute($0, $1)", ATTRIBUTE, contrast);
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, contrast ? "1" : "");
            cookie.setPath(pathOf(VaadinRequest.getCurrent()));
            cookie.setMaxAge(contrast ? (int) Duration.ofDays(365).toSeconds() : 0);
            cookie.setHttpOnly(true);
            cookie.setSecure(VaadinRequest.getCurrent() != null && VaadinRequest.getCurrent().isSecure());
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
    }

    private static String pathOf(@Nullable VaadinRequest request) {
        String context = request == null ? "" : request.getContextPath();
        return context.isEmpty() ? "/" : context;
    }
}
