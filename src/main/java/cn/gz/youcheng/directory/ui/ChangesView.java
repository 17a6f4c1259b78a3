package cn.gz.youcheng.directory.ui;

import cn.gz.youcheng.base.Guangzhou;
import cn.gz.youcheng.base.ui.Language;
import cn.gz.youcheng.directory.ChangeWording;
import cn.gz.youcheng.registry.query.PublicChanges;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code /changes}: what changed in the lists, latest recorded first, fifty to a page ({@code ?page=2} …), for
 * people rather than feed readers; the same changes as {@code /feed.atom}, which it links.
 */
@Route("changes")
@Menu(title = "menu.changes", order = 3)
@AnonymousAllowed
class ChangesView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter RECORDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC+8'");

    private final PublicChanges changes;
    private int page = 1;
    private List<PublicChanges.Change> shown = List.of();
    private boolean older;

    ChangesView(PublicChanges changes) {
        this.changes = changes;
        setMaxWidth("60em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        page = event.getLocation().getQueryParameters().getSingleParameter("page")
                .filter(value -> value.matches("[1-9][0-9]{0,5}")).map(Integer::parseInt).orElse(1);
        // One more than a page: whether there is an older page, without counting the whole history.
        List<PublicChanges.Change> read = changes.latest((page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        older = read.size() > PAGE_SIZE;
        shown = older ? read.subList(0, PAGE_SIZE) : read;
        if (isAttached()) {
            // From one page of changes to the next the view stays, and no locale change comes to draw it.
            localeChange(new LocaleChangeEvent(event.getUI(), event.getUI().getLocale()));
        }
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        Locale locale = event.getLocale();
        String lang = Language.of(locale).code();
        removeAll();
        H2 title = new H2(getTranslation("changes.title"));
        Anchor feed = new Anchor("feed.atom?lang=" + lang, getTranslation("changes.feed"));
        feed.setRouterIgnore(true);
        feed.getElement().setAttribute("type", "application/atom+xml");
        add(title, new Paragraph(getTranslation("changes.intro")), feed);

        UnorderedList list = new UnorderedList();
        list.setId("changes");
        for (PublicChanges.Change change : shown) {
            ListItem item = new ListItem(new Anchor("partners/" + change.partnerId(), ChangeWording.title(change, locale)));
            item.add(new Span(" · " + ChangeWording.summary(change, locale) + " · " + getTranslation("changes.recorded",
                    RECORDED.format(change.recordedAt().atZone(Guangzhou.ZONE)))));
            list.add(item);
        }
        add(shown.isEmpty() ? new Paragraph(getTranslation("changes.none")) : list);

        Nav pages = new Nav();
        pages.setId("changes-pages");
        pages.getElement().setAttribute("aria-label", getTranslation("changes.page", page));
        if (page > 1) {
            pages.add(new Anchor(page == 2 ? "changes" : "changes?page=" + (page - 1), getTranslation("changes.newer")));
        }
        if (older) {
            if (page > 1) {
                pages.add(new Span(" · "));
            }
            pages.add(new Anchor("changes?page=" + (page + 1), getTranslation("changes.older")));
        }
        add(pages);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("changes.title") + " · " + getTranslation("app.name");
    }
}
