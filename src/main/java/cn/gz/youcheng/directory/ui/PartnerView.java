package cn.gz.youcheng.directory.ui;

import org.jspecify.annotations.Nullable;
import cn.gz.youcheng.base.ui.Language;
import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.directory.PlaceIdentifiers;
import cn.gz.youcheng.registry.DocumentService;
import cn.gz.youcheng.registry.ExchangeKind;
import cn.gz.youcheng.registry.ExchangeTheme;
import cn.gz.youcheng.registry.query.Anniversaries;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.query.Dormancy;
import cn.gz.youcheng.registry.query.PartnerDetails;
import cn.gz.youcheng.registry.query.PartnerDetailsQueries;
import cn.gz.youcheng.registry.query.PartnerRow;
import cn.gz.youcheng.registry.query.PublicDocuments;
import cn.gz.youcheng.registry.query.PublicExchanges;
import com.vaadin.flow.component.select.Select;
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
import java.util.List;
import java.util.Locale;

/** One partner: names, place, and every agreement with its status history. */
@Route("partners/:" + PartnerView.ID)
@AnonymousAllowed
class PartnerView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    static final String ID = "id";

    private final PartnerDetailsQueries details;
    private final PublicExchanges publicExchanges;
    private final Anniversaries anniversaries;
    private final DirectoryQueries queries;
    private final Dormancy dormancy;
    private final PublicDocuments publicDocuments;
    private @Nullable PartnerDetails partner;
    private List<PublicDocuments.PublicDocument> documents = List.of();
    private List<PublicExchanges.PublicExchange> exchanges = List.of();
    // The timeline's filters; null for every kind, every theme.
    private @Nullable ExchangeKind kindShown;
    private @Nullable ExchangeTheme themeShown;

    PartnerView(PartnerDetailsQueries details, PublicExchanges publicExchanges, Anniversaries anniversaries,
            DirectoryQueries queries, Dormancy dormancy, PublicDocuments publicDocuments) {
        this.dormancy = dormancy;
        this.publicDocuments = publicDocuments;
        this.details = details;
        this.publicExchanges = publicExchanges;
        this.anniversaries = anniversaries;
        this.queries = queries;
        setMaxWidth("60em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get(ID).orElse("");
        Long partnerId = DirectoryParameters.partnerId(id);
        partner = partnerId == null ? null : details.partnerToday(partnerId).orElse(null);
        exchanges = partner == null ? List.of() : publicExchanges.ofPartner(partner.id());
        documents = partner == null ? List.of() : publicDocuments.ofPartner(partner.id());
        kindShown = null;
        themeShown = null;
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
            documentLinks(item, agreement.id(), null);
            agreements.add(item);
        }
        add(agreements);
        life(partner);
    }

    /**
     * The life of the partnership: how long since the first agreement, the latest published exchange, the next
     * round anniversary, and the published exchanges, newest first, which a visitor narrows by kind and theme.
     */
    private void life(PartnerDetails partner) {
        LocalDate today = queries.today();
        H3 heading = new H3(getTranslation("partner.life"));
        heading.setId("partner-life");
        add(heading);
        partner.agreements().stream().map(PartnerDetails.AgreementDetails::signedOn).min(LocalDate::compareTo)
                .ifPresent(first -> add(fact("partner.life.since", getTranslation("partner.life.years",
                        java.time.Period.between(first, today).getYears(), date(first)))));
        Paragraph latest = fact("partner.life.latest-exchange", exchanges.stream()
                .map(PublicExchanges.PublicExchange::startsOn).filter(day -> !day.isAfter(today)).findFirst()
                .map(this::date).orElse(getTranslation("partner.life.no-exchange")));
        latest.setId("partner-latest-exchange");
        add(latest);
        if (dormancy.dormantForThePublic(partner.id())) {
            Paragraph dormant = new Paragraph(getTranslation("partner.life.dormant", dormancy.years()));
            dormant.setId("partner-dormant");
            dormant.getStyle().set("margin", "0");
            add(dormant);
        }
        anniversaries.nextOf(partner.id(), today).ifPresent(next -> {
            Paragraph anniversary = fact("partner.life.next-anniversary",
                    getTranslation("partner.life.anniversary", next.years(), date(next.on())));
            anniversary.setId("partner-next-anniversary");
            add(anniversary);
        });
        if (exchanges.isEmpty()) {
            return;
        }
        Select<ExchangeKind> kind = new Select<>();
        kind.setId("exchange-kind-filter");
        kind.setLabel(getTranslation("partner.exchanges.kind"));
        kind.setItems(java.util.Arrays.stream(ExchangeKind.values())
                .filter(value -> exchanges.stream().anyMatch(e -> e.kind() == value)).toList());
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("partner.exchanges.all"));
        kind.setItemLabelGenerator(value -> value == null ? getTranslation("partner.exchanges.all")
                : getTranslation("exchange.kind." + DirectoryParameters.name(value)));
        kind.setValue(kindShown);
        Select<ExchangeTheme> theme = new Select<>();
        theme.setId("exchange-theme-filter");
        theme.setLabel(getTranslation("partner.exchanges.theme"));
        theme.setItems(java.util.Arrays.stream(ExchangeTheme.values())
                .filter(value -> exchanges.stream().anyMatch(e -> e.themes().contains(value))).toList());
        theme.setEmptySelectionAllowed(true);
        theme.setEmptySelectionCaption(getTranslation("partner.exchanges.all"));
        theme.setItemLabelGenerator(value -> value == null ? getTranslation("partner.exchanges.all")
                : getTranslation("exchange.theme." + DirectoryParameters.name(value)));
        theme.setValue(themeShown);
        UnorderedList timeline = new UnorderedList();
        timeline.setId("partner-exchanges");
        kind.addValueChangeListener(event -> {
            kindShown = event.getValue();
            timeline(timeline);
        });
        theme.addValueChangeListener(event -> {
            themeShown = event.getValue();
            timeline(timeline);
        });
        H3 title = new H3(getTranslation("partner.exchanges"));
        add(title, new com.vaadin.flow.component.orderedlayout.HorizontalLayout(kind, theme), timeline);
        timeline(timeline);
    }

    private void timeline(UnorderedList timeline) {
        timeline.removeAll();
        boolean chinese = Language.chinese(getLocale());
        for (PublicExchanges.PublicExchange exchange : exchanges) {
            if (kindShown != null && exchange.kind() != kindShown || themeShown != null && !exchange.themes().contains(themeShown)) {
                continue;
            }
            ListItem item = new ListItem();
            item.addClassName("exchange");
            String days = date(exchange.startsOn()) + (exchange.endsOn() == null || exchange.endsOn().equals(exchange.startsOn())
                    ? "" : " – " + date(exchange.endsOn()));
            item.add(new Span(days + " · " + getTranslation("exchange.kind." + DirectoryParameters.name(exchange.kind()))
                    + " · " + exchange.themes().stream().sorted()
                            .map(value -> getTranslation("exchange.theme." + DirectoryParameters.name(value)))
                            .collect(java.util.stream.Collectors.joining(", "))));
            // The title and summary in the page's language where there is one, else in the other, marked as such.
            String title = chinese ? exchange.titleZh() : exchange.titleEn();
            String summary = chinese ? exchange.summaryZh() : exchange.summaryEn();
            boolean other = title == null;
            if (other) {
                title = chinese ? exchange.titleEn() : exchange.titleZh();
                summary = chinese ? exchange.summaryEn() : exchange.summaryZh();
            }
            Div heading = new Div(java.util.Objects.requireNonNullElse(title, ""));
            heading.getStyle().set("font-weight", "600");
            Div text = summary == null ? null : new Div(summary);
            if (text != null) {
                text.getStyle().set("white-space", "pre-line");
            }
            if (other) {
                heading.getElement().setAttribute("lang", Language.of(getLocale()).other().code());
                if (text != null) {
                    text.getElement().setAttribute("lang", Language.of(getLocale()).other().code());
                }
            }
            item.add(heading);
            if (text != null) {
                item.add(text);
            }
            java.util.List<String> facts = new java.util.ArrayList<>();
            if (exchange.guangzhouUnit() != null) {
                facts.add(getTranslation("partner.exchanges.guangzhou-unit", exchange.guangzhouUnit()));
            }
            if (exchange.partnerUnit() != null) {
                facts.add(getTranslation("partner.exchanges.partner-unit", exchange.partnerUnit()));
            }
            if (exchange.participants() != null) {
                facts.add(getTranslation("partner.exchanges.participants", exchange.participants()));
            }
            if (!facts.isEmpty()) {
                item.add(new Div(String.join(" · ", facts)));
            }
            if (exchange.sourceUrl() != null) {
                item.add(new Div(external(exchange.sourceUrl(), getTranslation("partner.exchanges.source"))));
            }
            documentLinks(item, null, exchange.id());
            timeline.add(item);
        }
        if (timeline.getChildren().findAny().isEmpty()) {
            timeline.add(new ListItem(getTranslation("partner.exchanges.none-match")));
        }
    }

    /** The published documents of an agreement or exchange, each a download with its type and size. */
    private void documentLinks(ListItem item, @Nullable Long agreementId, @Nullable Long exchangeId) {
        for (PublicDocuments.PublicDocument document : documents) {
            if (java.util.Objects.equals(document.agreementId(), agreementId) && java.util.Objects.equals(document.exchangeId(), exchangeId)) {
                Anchor link = new Anchor("export/documents/" + document.id(), document.title());
                link.setRouterIgnore(true);
                link.getElement().setAttribute("download", true);
                link.addClassName("document");
                item.add(new Div(new Span(getTranslation("partner.documents") + ": "), link, new Span(" ("
                        + DocumentService.format(document.mediaType()) + ", " + DocumentService.size(document.sizeBytes()) + ")")));
            }
        }
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
