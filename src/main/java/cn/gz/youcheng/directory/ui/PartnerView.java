package cn.gz.youcheng.directory.ui;

import org.jspecify.annotations.Nullable;
import cn.gz.youcheng.base.ui.Language;
import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.directory.PlaceIdentifiers;
import cn.gz.youcheng.registry.query.PartnerDetails;
import cn.gz.youcheng.registry.query.PartnerDetailsQueries;
import cn.gz.youcheng.registry.query.PartnerRow;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** One partner: names, place, and every agreement with its status history. */
@Route("partners/:" + PartnerView.ID)
@AnonymousAllowed
class PartnerView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    static final String ID = "id";

    private final PartnerDetailsQueries details;
    private @Nullable PartnerDetails partner;

    PartnerView(PartnerDetailsQueries details) {
        this.details = details;
        setMaxWidth("60em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get(ID).orElse("");
        Long partnerId = DirectoryParameters.partnerId(id);
        partner = partnerId == null ? null : details.partnerToday(partnerId).orElse(null);
        if (partner == null) {
            event.rerouteToError(NotFoundException.class, "partner " + id);
        } else if (isAttached()) {
            // From one partner's page to another's (history, a link) the view stays, and no locale change
            // comes to draw it again.
            localeChange(new LocaleChangeEvent(event.getUI(), event.getUI().getLocale()));
        }
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        PartnerDetails partner = this.partner;
        if (partner == null) {
            return;
        }
        removeAll();
        boolean chinese = Language.chinese(getLocale());
        // The name in the page's language, then the other, marked as the other language so that it is read out
        // in it (GB/T 37668, WCAG 3.1.2).
        H2 name = new H2(chinese ? partner.nameZh() + " " : partner.nameEn() + " ");
        Span otherName = new Span(chinese ? partner.nameEn() : partner.nameZh());
        otherName.getElement().setAttribute("lang", Language.of(getLocale()).other().code());
        name.add(otherName);
        name.setId("partner-name");
        add(new RouterLink(getTranslation("partner.back"), DirectoryView.class), name);

        String country = chinese ? partner.countryZh() : partner.countryEn();
        add(fact("partner.country", country + " (" + partner.countryIso2() + ")"),
                fact("partner.continent", getTranslation("continent." + DirectoryParameters.name(partner.continent()))),
                fact("partner.level", getTranslation("level." + DirectoryParameters.name(partner.adminLevel()))));
        PartnerRow standing = partner.standing();
        if (standing != null) {
            String list = getTranslation("list." + DirectoryParameters.name(standing.list()));
            Paragraph place = fact("partner.standing", standing.seq() != null
                    ? getTranslation("partner.standing.listed", list, standing.seq())
                    : list + " · " + getTranslation("status." + DirectoryParameters.name(standing.status())));
            place.setId("partner-standing");
            add(place);
        }
        if (partner.latitude() != null) {
            String coordinates = String.format(Locale.ROOT, "%.4f, %.4f", partner.latitude(), partner.longitude());
            Anchor map = new Anchor(String.format(Locale.ROOT,
                    "https://www.openstreetmap.org/?mlat=%.5f&mlon=%.5f#map=9/%.5f/%.5f",
                    partner.latitude(), partner.longitude(), partner.latitude(), partner.longitude()), coordinates);
            map.setTarget(AnchorTarget.BLANK);
            Paragraph where = fact("partner.coordinates", "");
            where.add(map, new Span(" · " + getTranslation("partner.coordinates.credit")));
            add(where);
        }

        if (partner.geonamesId() != null || partner.wikidataQid() != null) {
            Paragraph identifiers = fact("partner.identifiers", "");
            identifiers.setId("partner-identifiers");
            if (partner.geonamesId() != null) {
                identifiers.add(external(PlaceIdentifiers.geonames(partner.geonamesId()), "GeoNames " + partner.geonamesId()));
            }
            if (partner.wikidataQid() != null) {
                if (partner.geonamesId() != null) {
                    identifiers.add(new Span(" · "));
                }
                identifiers.add(external(PlaceIdentifiers.wikidata(partner.wikidataQid()), "Wikidata " + partner.wikidataQid()));
            }
            add(identifiers);
        }

        add(new H3(getTranslation("partner.agreements")));
        UnorderedList agreements = new UnorderedList();
        agreements.setId("partner-agreements");
        for (PartnerDetails.AgreementDetails agreement : partner.agreements()) {
            ListItem item = new ListItem();
            item.add(new Span(getTranslation("kind." + DirectoryParameters.name(agreement.kind())) + " · "
                    + getTranslation("partner.signed-on", date(agreement.signedOn()))));
            if (agreement.placeSigned() != null) {
                item.add(new Span(" · " + getTranslation("partner.place", agreement.placeSigned())));
            }
            UnorderedList history = new UnorderedList();
            for (PartnerDetails.StatusStep step : agreement.history()) {
                String line = date(step.effectiveOn()) + ": "
                        + getTranslation("status." + DirectoryParameters.name(step.status()))
                        + (step.reason() == null ? "" : " (" + step.reason() + ")");
                history.add(new ListItem(line));
            }
            item.add(history);
            if (agreement.source() != null) {
                item.add(new Div(getTranslation("partner.source", agreement.source())));
            }
            agreements.add(item);
        }
        add(agreements);
    }

    private static Anchor external(String href, String text) {
        Anchor link = new Anchor(href, text);
        link.setTarget(AnchorTarget.BLANK);
        return link;
    }

    private Paragraph fact(String key, String value) {
        Paragraph paragraph = new Paragraph(getTranslation(key) + ": " + value);
        paragraph.getStyle().set("margin", "0");
        return paragraph;
    }

    private String date(LocalDate date) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale()));
    }

    @Override
    public String getPageTitle() {
        String name = partner == null ? "" : partner.nameZh() + " " + partner.nameEn() + " · ";
        return name + getTranslation("app.name");
    }
}
