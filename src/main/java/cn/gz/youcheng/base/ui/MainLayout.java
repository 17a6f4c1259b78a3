package cn.gz.youcheng.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;

/** The frame around every view: the app's name and a menu built from the views' {@code @Menu} entries. */
@Layout
@AnonymousAllowed
class MainLayout extends AppLayout {

    MainLayout() {
        Span appName = new Span(getTranslation("app.name"));
        appName.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        addToNavbar(new DrawerToggle(), appName);

        SideNav nav = new SideNav();
        // Menu titles are translation keys, so the menu follows the visitor's language.
        MenuConfiguration.getMenuEntries().forEach(entry ->
                nav.addItem(new SideNavItem(getTranslation(entry.title()), entry.path())));
        addToDrawer(new Scroller(nav));
        setPrimarySection(Section.DRAWER);
    }
}
