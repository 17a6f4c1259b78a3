package cn.gz.youcheng.directory.ui.findable;

import cn.gz.youcheng.base.ui.Language;
import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.directory.AnniversaryWording;
import cn.gz.youcheng.directory.ChangeWording;
import cn.gz.youcheng.directory.PlaceIdentifiers;
import cn.gz.youcheng.registry.PartnerList;
import cn.gz.youcheng.registry.query.CountryPoint;
import cn.gz.youcheng.registry.query.ListTotals;
import cn.gz.youcheng.registry.query.PartnerDetails;
import cn.gz.youcheng.registry.query.PartnerRow;
import cn.gz.youcheng.registry.query.Anniversaries;
import cn.gz.youcheng.registry.query.PublicChanges;
import cn.gz.youcheng.registry.query.PublicExchanges;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What the first HTML says of one page, written into Vaadin's page: its title, description, Open Graph tags,
 * canonical URL with the other language's alternate, and its content in a {@code <noscript>} block, for
 * clients that run no scripts. Data in, elements out: every text goes through jsoup, which escapes it.
 * Names in the other language carry their own {@code lang}.
 */
final class PublicPage {

    /** The directory's first HTML lists at most this many rows; the downloads have every one. */
    static final int MOST_ROWS = 200;
    /** Changes in the first HTML of {@code /changes}: its first page. */
    static final int MOST_CHANGES = 50;

    /** The interface texts in the page's language. */
    @FunctionalInterface
    interface Texts {
        String get(String key, Object... params);
    }

    private final Document document;
    private final Language language;
    private final String origin;
    private final String path;
    private final Texts texts;
    private final Element content;

    /**
     * @param origin scheme, host, port and context path, as the client addressed the server
     * @param path the page's path within the application, without slashes at either end
     */
    PublicPage(Document document, Language language, String origin, String path, Texts texts) {
        this.document = document;
        this.language = language;
        this.origin = origin;
        this.path = path;
        this.texts = texts;
        document.select("html").attr("lang", language.code());
        this.content = document.body().prependElement("noscript").appendElement("div").attr("lang", language.code());
    }

    /** The page's language. */
    Language language() {
        return language;
    }

    /** A description of the data the page shows, for search engines' dataset search (JSON-LD, already escaped for a script element). */
    void dataset(String jsonLd) {
        document.head().appendElement("script").attr("type", "application/ld+json").appendChild(new DataNode(jsonLd));
    }

    /** {@code /}: the official lists today, sister cities first, each by its number. */
    void directory(ListTotals totals, List<PartnerRow> rows) {
        String sentence = texts.get("directory.official-sentence", totals.countries(), totals.cities(), totals.asOf().toString());
        head(texts.get("directory.title") + " · " + texts.get("app.name"), sentence);
        content.appendElement("h1").text(texts.get("directory.title"));
        content.appendElement("p").text(sentence);
        for (PartnerList list : PartnerList.values()) {
            List<PartnerRow> listed = rows.stream().filter(row -> row.list() == list).toList();
            if (listed.isEmpty()) {
                continue;
            }
            content.appendElement("h2").text(texts.get(list == PartnerList.SISTER ? "first-html.sister-cities" : "first-html.exchange-cities"));
            Element table = content.appendElement("table");
            Element header = table.appendElement("thead").appendElement("tr");
            for (String column : List.of("directory.column.seq", "first-html.city", "directory.column.country",
                    "directory.column.signedOn")) {
                header.appendElement("th").attr("scope", "col").text(texts.get(column));
            }
            Element body = table.appendElement("tbody");
            for (PartnerRow row : listed) {
                Element tr = body.appendElement("tr");
                tr.appendElement("td").text(row.seq() == null ? "" : String.valueOf(row.seq()));
                names(tr.appendElement("td"), row.id(), row.nameZh(), row.nameEn());
                tr.appendElement("td").text(chinese() ? row.countryZh() : row.countryEn());
                date(tr.appendElement("td"), row.signedOn());
            }
        }
        if (totals.cities() > rows.size()) {
            content.appendElement("p").text(texts.get("first-html.more", rows.size(), totals.cities()));
        }
        downloads();
    }

    /** {@code /partners/{id}}: the partner's names, place, standing and agreements with their history. */
    void partner(PartnerDetails partner, List<PublicExchanges.PublicExchange> exchanges) {
        String name = chinese() ? partner.nameZh() : partner.nameEn();
        String country = chinese() ? partner.countryZh() : partner.countryEn();
        PartnerRow standing = partner.standing();
        String list = standing == null ? "" : texts.get("list." + DirectoryParameters.name(standing.list()));
        String description = standing == null ? name + ", " + country
                : texts.get("first-html.partner.description", name, country, list, standing.signedOn().toString());
        head(partner.nameZh() + " " + partner.nameEn() + " · " + texts.get("app.name"), description);

        Element title = content.appendElement("h1");
        title.appendText(name + " ");
        title.appendElement("span").attr("lang", language.other().code()).text(chinese() ? partner.nameEn() : partner.nameZh());
        fact("partner.country", country + " (" + partner.countryIso2() + ")");
        fact("partner.continent", texts.get("continent." + DirectoryParameters.name(partner.continent())));
        fact("partner.level", texts.get("level." + DirectoryParameters.name(partner.adminLevel())));
        if (standing != null) {
            fact("partner.standing", standing.seq() != null ? texts.get("partner.standing.listed", list, standing.seq())
                    : list + " · " + texts.get("status." + DirectoryParameters.name(standing.status())));
        }
        if (partner.geonamesId() != null || partner.wikidataQid() != null) {
            Element identifiers = content.appendElement("p").text(texts.get("partner.identifiers") + ": ");
            if (partner.geonamesId() != null) {
                identifiers.appendElement("a").attr("href", PlaceIdentifiers.geonames(partner.geonamesId()))
                        .text("GeoNames " + partner.geonamesId());
            }
            if (partner.wikidataQid() != null) {
                identifiers.appendText(partner.geonamesId() != null ? " · " : "");
                identifiers.appendElement("a").attr("href", PlaceIdentifiers.wikidata(partner.wikidataQid()))
                        .text("Wikidata " + partner.wikidataQid());
            }
        }
        content.appendElement("h2").text(texts.get("partner.agreements"));
        Element agreements = content.appendElement("ul");
        for (PartnerDetails.AgreementDetails agreement : partner.agreements()) {
            Element item = agreements.appendElement("li");
            item.appendText(texts.get("kind." + DirectoryParameters.name(agreement.kind())) + " · ");
            date(item, agreement.signedOn());
            if (agreement.placeSigned() != null) {
                item.appendText(" · " + texts.get("partner.place", agreement.placeSigned()));
            }
            Element history = item.appendElement("ul");
            for (PartnerDetails.StatusStep step : agreement.history()) {
                Element line = history.appendElement("li");
                date(line, step.effectiveOn());
                line.appendText(": " + texts.get("status." + DirectoryParameters.name(step.status()))
                        + (step.reason() == null ? "" : " (" + step.reason() + ")"));
            }
            if (agreement.source() != null) {
                item.appendElement("p").text(texts.get("partner.source", agreement.source()));
            }
        }
        if (!exchanges.isEmpty()) {
            content.appendElement("h2").text(texts.get("partner.exchanges"));
            Element timeline = content.appendElement("ul");
            for (PublicExchanges.PublicExchange exchange : exchanges) {
                Element item = timeline.appendElement("li");
                date(item, exchange.startsOn());
                if (exchange.endsOn() != null && !exchange.endsOn().equals(exchange.startsOn())) {
                    item.appendText(" – ");
                    date(item, exchange.endsOn());
                }
                item.appendText(" · " + texts.get("exchange.kind." + DirectoryParameters.name(exchange.kind())) + " · ");
                String named = chinese() ? exchange.titleZh() : exchange.titleEn();
                if (named != null) {
                    item.appendText(named);
                } else {
                    item.appendElement("span").attr("lang", language.other().code())
                            .text(java.util.Objects.requireNonNullElse(chinese() ? exchange.titleEn() : exchange.titleZh(), ""));
                }
            }
        }
        content.appendElement("p").appendElement("a").attr("href", url("", language)).text(texts.get("partner.back"));
    }

    /** {@code /changes}: the latest changes to the lists, each linking to its partner. */
    void changes(List<PublicChanges.Change> changes) {
        head(texts.get("changes.title") + " · " + texts.get("app.name"), texts.get("changes.intro"));
        content.appendElement("h1").text(texts.get("changes.title"));
        content.appendElement("p").text(texts.get("changes.intro"));
        content.appendElement("p").appendElement("a").attr("href", feed()).attr("type", "application/atom+xml")
                .text(texts.get("changes.feed"));
        Element list = content.appendElement("ul");
        for (PublicChanges.Change change : changes) {
            Element item = list.appendElement("li");
            item.appendElement("a").attr("href", url("partners/" + change.partnerId(), language))
                    .text(ChangeWording.title(change, language.locale()));
            item.appendText(" · " + ChangeWording.summary(change, language.locale()));
        }
        if (changes.isEmpty()) {
            content.appendElement("p").text(texts.get("changes.none"));
        }
        content.appendElement("p").appendElement("a").attr("href", url("", language)).text(texts.get("partner.back"));
    }

    /** {@code /anniversaries}: the round anniversaries of the next twelve months, each linking to its partner. */
    void anniversaries(List<Anniversaries.Anniversary> anniversaries) {
        head(texts.get("anniversaries.title") + " · " + texts.get("app.name"), texts.get("anniversaries.intro"));
        content.appendElement("h1").text(texts.get("anniversaries.title"));
        content.appendElement("p").text(texts.get("anniversaries.intro"));
        content.appendElement("p").appendElement("a").attr("href", origin + "/export/anniversaries.ics?lang=" + language.code())
                .attr("type", "text/calendar").text(texts.get("anniversaries.calendar"));
        Element list = content.appendElement("ul");
        for (Anniversaries.Anniversary anniversary : anniversaries) {
            Element item = list.appendElement("li");
            date(item, anniversary.on());
            item.appendText(" · ");
            item.appendElement("a").attr("href", url("partners/" + anniversary.partnerId(), language))
                    .text(AnniversaryWording.title(anniversary, language.locale()));
            item.appendText(" · " + AnniversaryWording.summary(anniversary, language.locale()));
        }
        if (anniversaries.isEmpty()) {
            content.appendElement("p").text(texts.get("anniversaries.none"));
        }
        content.appendElement("p").appendElement("a").attr("href", url("", language)).text(texts.get("partner.back"));
    }

    /** {@code /statistics} and {@code /map}: the lists' totals, and the partners per country as text. */
    void overview(String view, ListTotals totals, List<CountryPoint> countries) {
        String title = texts.get(view + ".title");
        String sentence = texts.get("directory.official-sentence", totals.countries(), totals.cities(), totals.asOf().toString());
        head(title + " · " + texts.get("app.name"), sentence);
        content.appendElement("h1").text(title);
        content.appendElement("p").text(sentence);
        content.appendElement("h2").text(texts.get("first-html.countries"));
        Element list = content.appendElement("ul");
        for (CountryPoint country : countries) {
            list.appendElement("li").text((chinese() ? country.nameZh() : country.nameEn()) + ": " + country.partners());
        }
        content.appendElement("p").appendElement("a").attr("href", url("", language)).text(texts.get("partner.back"));
        downloads();
    }

    /** A page that exists but is no answer to a search: the sign-in page, the officers' area. */
    void notForSearchEngines() {
        document.head().appendElement("meta").attr("name", "robots").attr("content", "noindex");
        content.appendElement("p").text(texts.get("first-html.scripts"));
    }

    /** No such page or partner: said to people, and to search engines by the status and by {@code noindex}. */
    void notFound() {
        document.title(texts.get("not-found.title") + " · " + texts.get("app.name"));
        document.head().appendElement("meta").attr("name", "robots").attr("content", "noindex");
        content.appendElement("h1").text(texts.get("not-found.title"));
        content.appendElement("p").text(texts.get("not-found.text"));
        content.appendElement("p").appendElement("a").attr("href", url("", language)).text(texts.get("not-found.home"));
    }

    private void head(String title, String description) {
        document.title(title);
        Element head = document.head();
        head.appendElement("meta").attr("name", "description").attr("content", description);
        String canonical = url(path, language);
        head.appendElement("link").attr("rel", "canonical").attr("href", canonical);
        for (Language other : Language.values()) {
            head.appendElement("link").attr("rel", "alternate").attr("hreflang", other.code()).attr("href", url(path, other));
        }
        head.appendElement("link").attr("rel", "alternate").attr("hreflang", "x-default").attr("href", origin + "/" + path);
        // Feed readers find the change feed from any page.
        head.appendElement("link").attr("rel", "alternate").attr("type", "application/atom+xml")
                .attr("title", texts.get("changes.title")).attr("href", feed());
        og(head, "og:type", "website");
        og(head, "og:site_name", texts.get("app.name"));
        og(head, "og:title", title);
        og(head, "og:description", description);
        og(head, "og:url", canonical);
        og(head, "og:locale", chinese() ? "zh_CN" : "en_US");
    }

    private String feed() {
        return origin + "/feed.atom?lang=" + language.code();
    }

    private static void og(Element head, String property, String value) {
        head.appendElement("meta").attr("property", property).attr("content", value);
    }

    /** The name in the page's language as a link to the partner's page, the other name beside it in its own. */
    private void names(Element cell, long id, String nameZh, String nameEn) {
        cell.appendElement("a").attr("href", url("partners/" + id, language)).text(chinese() ? nameZh : nameEn);
        cell.appendText(" ");
        cell.appendElement("span").attr("lang", language.other().code()).text(chinese() ? nameEn : nameZh);
    }

    private void fact(String key, String value) {
        content.appendElement("p").text(texts.get(key) + ": " + value);
    }

    private static void date(Element parent, LocalDate date) {
        parent.appendElement("time").attr("datetime", date.toString()).text(date.toString());
    }

    private void downloads() {
        content.appendElement("h2").text(texts.get("first-html.downloads"));
        Element list = content.appendElement("ul");
        for (var download : List.of(List.of("export/partners.csv", "directory.download.csv"),
                List.of("export/partners.xlsx", "directory.download.xlsx"),
                List.of("export/partners.json", "directory.download.json"),
                List.of("export/official.txt", "directory.download.official"),
                List.of("export/partners.html", "directory.download.print"))) {
            list.appendElement("li").appendElement("a").attr("href", origin + "/" + download.get(0)).text(texts.get(download.get(1)));
        }
        content.appendElement("p").text(texts.get("first-html.scripts"));
    }

    private String url(String page, Language in) {
        return origin + "/" + page + "?lang=" + in.code();
    }

    private boolean chinese() {
        return language == Language.ZH;
    }
}
