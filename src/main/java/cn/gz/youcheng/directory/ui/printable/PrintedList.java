package cn.gz.youcheng.directory.ui.printable;

import cn.gz.youcheng.base.Message;
import cn.gz.youcheng.base.Translations;
import cn.gz.youcheng.base.ui.Language;
import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.registry.query.ListTotals;
import cn.gz.youcheng.registry.query.PartnerRow;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A selection of the directory as one table for paper: every row, its page header (the title and the date
 * the lists stand on) in the table's head, so that a printed page repeats it with the column headings.
 * Data in, a document out: every text goes through jsoup, which escapes it. The directory prints it in
 * place of itself (printed-list.js), and it is a page of its own for printing from a link.
 */
final class PrintedList {

    /** A printed selection holds at most this many rows (about 150 pages); the downloads have every one. */
    static final int MOST_ROWS = 5_000;

    private static final List<String> COLUMNS = List.of("list", "seq", "nameZh", "nameEn", "country", "signedOn",
            "status");

    private final Language language;

    PrintedList(Language language) {
        this.language = language;
    }

    /**
     * @param rows the selection's first rows, at most {@link #MOST_ROWS}, in the official order
     * @param totals the whole selection's counts, which may be more than the rows
     * @param official the official lists' counts on the same date
     * @param address where the selection is seen on screen, printed with it so that a reader can find it again
     */
    Document document(List<PartnerRow> rows, ListTotals totals, ListTotals official, String address) {
        Document document = Document.createShell("");
        document.outputSettings().prettyPrint(false);
        document.select("html").attr("lang", language.code());
        Element head = document.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        // A copy of the directory for paper: the directory itself is what search engines should list.
        head.appendElement("meta").attr("name", "robots").attr("content", "noindex");
        head.appendElement("title").text(text("directory.title") + " · " + text("app.name"));
        head.appendElement("link").attr("rel", "stylesheet").attr("href", "../printed-list.css");
        document.body().appendChild(content(rows, totals, official, address));
        return document;
    }

    /** The printed selection alone, as the directory puts it in place of itself while it is printed. */
    Element content(List<PartnerRow> rows, ListTotals totals, ListTotals official, String address) {
        Element main = new Element("main").id("printed-list").addClass("printed-list").attr("lang", language.code());
        main.appendElement("p").addClass("screen-only").text(text("print.how"));
        Element table = main.appendElement("table");
        Element thead = table.appendElement("thead");
        // In the table's head, so that every printed page starts with it (browsers repeat a table's head).
        Element pageHeader = thead.appendElement("tr").addClass("page-header").appendElement("th")
                .attr("colspan", String.valueOf(COLUMNS.size())).attr("scope", "colgroup");
        pageHeader.appendElement("span").addClass("title").text(text("directory.title"));
        pageHeader.appendText(" ");
        pageHeader.appendElement("span").addClass("as-of").text(text("print.as-of", date(totals.asOf())));
        Element headings = thead.appendElement("tr");
        for (String column : COLUMNS) {
            headings.appendElement("th").attr("scope", "col").text(text("directory.column." + column));
        }
        Element body = table.appendElement("tbody");
        for (PartnerRow row : rows) {
            Element tr = body.appendElement("tr");
            tr.appendElement("td").text(text("list." + DirectoryParameters.name(row.list())));
            tr.appendElement("td").addClass("number").text(row.seq() == null ? "" : String.valueOf(row.seq()));
            tr.appendElement("td").attr("lang", "zh").text(row.nameZh());
            tr.appendElement("td").attr("lang", "en").text(row.nameEn());
            tr.appendElement("td").text(language == Language.ZH ? row.countryZh() : row.countryEn());
            tr.appendElement("td").appendElement("time").attr("datetime", row.signedOn().toString())
                    .text(date(row.signedOn()));
            tr.appendElement("td").text(text("status." + DirectoryParameters.name(row.status())));
        }
        Element about = main.appendElement("div").addClass("about");
        about.appendElement("p").text(text("directory.official-sentence", official.countries(), official.cities(),
                date(official.asOf())));
        about.appendElement("p").text(totals.cities() == 0 ? text("directory.summary.empty")
                : text("directory.summary", totals.cities(), totals.countries(), totals.sisterCities(),
                        totals.exchangeCities()));
        if (totals.cities() > rows.size()) {
            about.appendElement("p").text(text("print.more", rows.size(), totals.cities()));
        }
        about.appendElement("p").text(text("print.address") + " ").appendElement("a").attr("href", address).text(address);
        return main;
    }

    private String date(LocalDate date) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language.locale()));
    }

    private String text(String key, Object... arguments) {
        return Translations.text(Message.of(key, arguments), language.locale());
    }
}
