package cn.gz.youcheng.directory.ui;

import cn.gz.youcheng.base.ui.Language;
import cn.gz.youcheng.directory.AnniversaryWording;
import cn.gz.youcheng.registry.query.Anniversaries;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code /anniversaries}: the round anniversaries of the agreements in force in the next twelve months, by
 * month, each linking to its partner, with the same as a calendar to subscribe to.
 */
@Route("anniversaries")
@Menu(title = "menu.anniversaries", order = 4)
@AnonymousAllowed
class AnniversariesView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

    private final Anniversaries anniversaries;
    private final DirectoryQueries queries;

    AnniversariesView(Anniversaries anniversaries, DirectoryQueries queries) {
        this.anniversaries = anniversaries;
        this.queries = queries;
        setMaxWidth("60em");
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        Locale locale = event.getLocale();
        removeAll();
        Anchor calendar = new Anchor("export/anniversaries.ics?lang=" + Language.of(locale).code(),
                getTranslation("anniversaries.calendar"));
        calendar.setRouterIgnore(true);
        calendar.getElement().setAttribute("type", "text/calendar");
        H2 title = new H2(getTranslation("anniversaries.title"));
        title.setId("anniversaries-title");
        add(title, new Paragraph(getTranslation("anniversaries.intro")), calendar);

        List<Anniversaries.Anniversary> upcoming = anniversaries.nextTwelveMonths(queries.today());
        if (upcoming.isEmpty()) {
            add(new Paragraph(getTranslation("anniversaries.none")));
        }
        DateTimeFormatter month = Language.chinese(locale) ? DateTimeFormatter.ofPattern("yyyy年M月", locale)
                : DateTimeFormatter.ofPattern("MMMM yyyy", locale);
        YearMonth current = null;
        UnorderedList list = null;
        for (Anniversaries.Anniversary anniversary : upcoming) {
            YearMonth of = YearMonth.from(anniversary.on());
            if (!of.equals(current) || list == null) {
                current = of;
                list = new UnorderedList();
                list.addClassName("anniversaries");
                add(new H3(month.format(of)), list);
            }
            ListItem item = new ListItem(new Span(anniversary.on() + " · "),
                    new Anchor("partners/" + anniversary.partnerId(), AnniversaryWording.title(anniversary, locale)),
                    new Span(" · " + AnniversaryWording.summary(anniversary, locale)));
            list.add(item);
        }
        if (upcoming.size() == Anniversaries.MOST) {
            add(new Paragraph(getTranslation("anniversaries.more", Anniversaries.MOST)));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("anniversaries.title") + " · " + getTranslation("app.name");
    }
}
