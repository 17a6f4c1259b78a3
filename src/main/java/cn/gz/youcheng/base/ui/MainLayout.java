package cn.gz.youcheng.base.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Main;
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
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;

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
    /** The page's own content: the main landmark, which the skip button focuses. */
    private final Main main = new Main();

    MainLayout(AuthenticationContext authentication) {
        this.authentication = authentication;
        appName.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        language.setId("language");
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        language.addClickListener(click -> Language.choose(Language.of(getLocale()).other()));
        account.setAlignItems(FlexComponent.Alignment.CENTER);
        skipToContent.setId("skip-to-content");
        skipToContent.addClassName("skip-link");
        skipToContent.addClickListener(click -> main.getElement().callJsFunction("focus"));
        main.setId("main-content");
        main.getElement().setAttribute("tabindex", "-1");
        main.addClassName("main-content");
        setContent(main);
        HorizontalLayout bar = new HorizontalLayout(skipToContent, new DrawerToggle(), appName, language, account);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setWidthFull();
        bar.expand(appName);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);
        addToDrawer(new Scroller(nav));
        setPrimarySection(Section.DRAWER);
    }

    /** Every view goes inside the main landmark. */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.getElement().removeAllChildren();
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        main.getElement().removeAllChildren();
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        skipToContent.setText(getTranslation("app.skip-to-content"));
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
