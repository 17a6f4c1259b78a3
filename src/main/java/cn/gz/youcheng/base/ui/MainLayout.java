package cn.gz.youcheng.base.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.jspecify.annotations.Nullable;

/**
 * The frame around every view: the app's name, the language switch, sign-in or sign-out, and a menu built
 * from the {@code @Menu} entries of the views the visitor may open.
 */
@Layout
@AnonymousAllowed
class MainLayout extends AppLayout implements LocaleChangeObserver {

    private final Span appName = new Span();
    /**
     * The other language, by its own name: one click switches. A drop-down of two was the largest part of
     * the frame a visitor's page keeps on the server.
     */
    private final Button language = new Button();
    private final SideNav nav = new SideNav();

    private final AuthenticationContext authentication;
    private final HorizontalLayout account = new HorizontalLayout();
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

    MainLayout(AuthenticationContext authentication) {
        this.authentication = authentication;
        appName.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        language.setId("language");
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        language.addClickListener(click -> Language.choose(Language.of(getLocale()).other()));
        account.setAlignItems(FlexComponent.Alignment.CENTER);
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
        contrast.addClassName("contrast-toggle");
        contrast.getElement().setAttribute("aria-pressed", String.valueOf(contrasted));
        contrast.addClickListener(click -> {
            contrasted = !contrasted;
            contrast.getElement().setAttribute("aria-pressed", String.valueOf(contrasted));
            HighContrast.choose(UI.getCurrent(), contrasted);
        });
        HorizontalLayout bar = new HorizontalLayout(skipToContent, new DrawerToggle(), appName, contrast, language, account);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        // On a narrow screen the switches go to a second line rather than out of sight (styles.css).
        bar.addClassName("frame-bar");
        bar.setWidthFull();
        bar.expand(appName);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);
        addToDrawer(new Scroller(nav));
        setPrimarySection(Section.DRAWER);
    }

    /** Every view is the page's main landmark, which the skip button focuses. */
    @Override
    public void showRouterLayoutContent(HasElement view) {
        super.showRouterLayoutContent(view);
        content = view;
        if (view != null) {
            view.getElement().setAttribute("role", "main");
        }
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        skipToContent.setText(getTranslation("app.skip-to-content"));
        contrast.setText(getTranslation("app.high-contrast"));
        appName.setText(getTranslation("app.name"));
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
        nav.removeAll();
        // Menu titles are translation keys, so the menu follows the visitor's language.
        MenuConfiguration.getMenuEntries().forEach(entry ->
                nav.addItem(new SideNavItem(getTranslation(entry.title()), entry.path())));
    }
}
