package cn.gz.youcheng.base.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.jspecify.annotations.Nullable;

/**
 * The frame around every view: a header with the app's name, a menu built from the {@code @Menu} entries of
 * the views the visitor may open, high contrast, the language switch, and sign-in or sign-out; below it, the
 * view. Plain elements rather than an app layout with a drawer (decision record 0022): every component here
 * is kept on the server for every open page, and a menu of a few links needs no drawer.
 */
@Layout
@AnonymousAllowed
class MainLayout extends Div implements RouterLayout, LocaleChangeObserver, AfterNavigationObserver {

    private final Span appName = new Span();
    /**
     * The other language, by its own name: one click switches. A drop-down of two was the largest part of
     * the frame a visitor's page keeps on the server.
     */
    private final NativeButton language = new NativeButton();
    /** The views the visitor may open: the banner's navigation landmark. */
    private final Nav menu = new Nav();

    private final AuthenticationContext authentication;
    private final Span account = new Span();
    /**
     * The first thing the keyboard reaches: past the frame, to the page's own content (WCAG 2.4.1). Hidden
     * until focused (styles.css). A button, not a link: the page's base address is the application's root,
     * so a link to {@code #main-content} would lead to the directory from any other page.
     */
    private final NativeButton skipToContent = new NativeButton();
    /** High contrast on or off (HighContrast), a toggle that says which it is. */
    private final NativeButton contrast = new NativeButton();
    private boolean contrasted = HighContrast.chosen(VaadinRequest.getCurrent());
    /**
     * The page's own content: the view, marked as the main landmark, which the skip button focuses. Marked
     * rather than wrapped, since a wrapper would cost every visitor's page another element on the server.
     */
    private @Nullable HasElement content;
    /** Where the visitor is, which the menu marks as the current page. */
    private String path = "";

    MainLayout(AuthenticationContext authentication) {
        this.authentication = authentication;
        addClassName("frame");
        appName.addClassName("frame-name");
        menu.addClassName("frame-menu");
        language.setId("language");
        language.addClassName("frame-switch");
        language.addClickListener(click -> Language.choose(Language.of(getLocale()).other()));
        account.addClassName("frame-account");
        skipToContent.setId("skip-to-content");
        skipToContent.addClassName("skip-link");
        // The view takes focus for the moment only: a view is a shadow host, and a host with a negative tabindex
        // takes everything inside it out of the keyboard's order.
        skipToContent.addClickListener(click -> {
            if (content != null) {
                content.getElement().executeJs("this.setAttribute('tabindex', '-1'); this.focus();"
                        + " this.addEventListener('blur', () => this.removeAttribute('tabindex'), {once: true});");
            }
        });
        contrast.setId("high-contrast");
        contrast.addClassName("frame-switch");
        contrast.getElement().setAttribute("aria-pressed", String.valueOf(contrasted));
        contrast.addClickListener(click -> {
            contrasted = !contrasted;
            contrast.getElement().setAttribute("aria-pressed", String.valueOf(contrasted));
            HighContrast.choose(UI.getCurrent(), contrasted);
        });
        // On a narrow screen or with large text, the menu and the switches wrap rather than go out of sight
        // (styles.css).
        Header bar = new Header(skipToContent, appName, menu, contrast, language, account);
        bar.addClassName("frame-bar");
        add(bar);
    }

    /** Every view is the page's main landmark, which the skip button focuses. */
    @Override
    public void showRouterLayoutContent(HasElement view) {
        RouterLayout.super.showRouterLayoutContent(view);
        content = view;
        if (view != null) {
            view.getElement().setAttribute("role", "main");
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        path = event.getLocation().getPath();
        markCurrentPage();
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        skipToContent.setText(getTranslation("app.skip-to-content"));
        contrast.setText(getTranslation("app.high-contrast"));
        appName.setText(getTranslation("app.name"));
        // The page's language follows a switch on the page, as the first HTML's does (WCAG 3.1.1): screen
        // readers read in it, and the print script asks for the printed list in it.
        event.getUI().getPage().executeJs("document.documentElement.lang = $0", Language.of(event.getLocale()).code());
        Language other = Language.of(event.getLocale()).other();
        language.setText(other.nativeName());
        // Its name is in the language it names, and is read out in it (GB/T 37668, WCAG 3.1.2).
        language.getElement().setAttribute("lang", other.code());
        account.removeAll();
        authentication.getPrincipalName().ifPresentOrElse(name -> {
            Button signOut = new Button(getTranslation("app.sign-out"), click -> authentication.logout());
            signOut.setId("sign-out");
            signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            account.add(new Span(name), signOut);
        }, () -> {
            Anchor signIn = new Anchor("login", getTranslation("app.sign-in"));
            signIn.setId("sign-in");
            account.add(signIn);
        });
        menu.removeAll();
        menu.getElement().setAttribute("aria-label", getTranslation("app.menu"));
        // Menu titles are translation keys, so the menu follows the visitor's language.
        MenuConfiguration.getMenuEntries().forEach(entry -> menu.add(new Anchor(relative(entry.path()),
                getTranslation(entry.title()))));
        markCurrentPage();
    }

    /** The menu's link to the page the visitor is on says so (WCAG 2.4.8), and is shown so (styles.css). */
    private void markCurrentPage() {
        menu.getChildren().forEach(link -> {
            boolean current = relative(link.getElement().getAttribute("href")).equals(relative(path));
            if (current) {
                link.getElement().setAttribute("aria-current", "page");
            } else {
                link.getElement().removeAttribute("aria-current");
            }
        });
    }

    /** A view's path relative to the page's base, the application's root: {@code ""} for the directory. */
    private static String relative(@Nullable String path) {
        String relative = path == null ? "" : path;
        while (relative.startsWith("/")) {
            relative = relative.substring(1);
        }
        return relative;
    }
}
