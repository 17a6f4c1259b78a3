package cn.gz.youcheng.directory.export;

import cn.gz.youcheng.base.Message;
import cn.gz.youcheng.base.Translations;
import cn.gz.youcheng.directory.ChangeWording;
import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.query.PublicChanges;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /feed.atom}: the latest changes to the lists as an Atom feed (RFC 4287), in {@code ?lang=}'s
 * language, Chinese unless {@code lang=en}: a feed has no browser language to follow once subscribed.
 */
@RestController
class ChangeFeedController {

    /** Entries in the feed: a reader polling daily misses nothing an office records in a month. */
    static final int ENTRIES = 50;

    private final DirectoryQueries queries;
    private final PublicChanges changes;
    private final OpenDataProperties openData;

    ChangeFeedController(DirectoryQueries queries, PublicChanges changes, OpenDataProperties openData) {
        this.queries = queries;
        this.changes = changes;
        this.openData = openData;
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "The latest changes to the lists as an Atom feed; lang=zh (default) or en", tags = "changes")
    @GetMapping("/feed.atom")
    void feed(HttpServletRequest request, HttpServletResponse response) throws IOException, FeedException {
        String lang = "en".equals(request.getParameter("lang")) ? "en" : "zh";
        DownloadRequest download = DownloadRequest.of(request, queries, "atom|" + lang);
        if (download.notModified(request, response)) {
            return;
        }
        Locale locale = lang.equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        List<PublicChanges.Change> latest = changes.latest(0, ENTRIES);

        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setUri(uuid("feed|" + lang));
        feed.setTitle(Translations.text(Message.of("app.name"), locale) + " · "
                + Translations.text(Message.of("changes.title"), locale));
        feed.setDescription(Translations.text(Message.of("changes.intro"), locale));
        feed.setLanguage(lang);
        feed.setLinks(List.of(link(base + "/feed.atom?lang=" + lang, "self", "application/atom+xml"),
                link(base + "/changes?lang=" + lang, "alternate", "text/html")));
        SyndPersonImpl publisher = new SyndPersonImpl();
        publisher.setName(lang.equals("zh") ? openData.publisherZh() : openData.publisherEn());
        feed.setAuthors(List.of(publisher));
        // The feed changes when the registry does; an empty registry's feed dates from its last change too.
        feed.setPublishedDate(Date.from(latest.isEmpty() ? download.version().changedAt() : latest.getFirst().recordedAt()));
        List<SyndEntry> entries = new ArrayList<>();
        for (PublicChanges.Change change : latest) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setUri(uuid("change|" + change.id()));
            entry.setTitle(ChangeWording.title(change, locale));
            entry.setLink(base + "/partners/" + change.partnerId() + "?lang=" + lang);
            entry.setUpdatedDate(Date.from(change.recordedAt()));
            entry.setPublishedDate(Date.from(change.recordedAt()));
            SyndContentImpl summary = new SyndContentImpl();
            summary.setType("text");
            summary.setValue(ChangeWording.summary(change, locale));
            entry.setDescription(summary);
            // The kind as a term a reader can filter by: new-partner, upgraded, suspended, terminated …
            SyndCategoryImpl kind = new SyndCategoryImpl();
            kind.setName(DirectoryParameters.name(change.kind()));
            entry.setCategories(List.of(kind));
            entries.add(entry);
        }
        feed.setEntries(entries);

        download.writeHeaders(response, "application/atom+xml", null);
        try (Writer out = response.getWriter()) {
            new SyndFeedOutput().output(feed, out);
        }
    }

    /**
     * A stable id for a change or the feed, the same whatever address the server is reached by (Atom ids are
     * compared as strings, and a host or scheme in one would make a moved server's entries new).
     */
    private static String uuid(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("youcheng|" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static SyndLink link(String href, String rel, String type) {
        SyndLinkImpl link = new SyndLinkImpl();
        link.setHref(href);
        link.setRel(rel);
        link.setType(type);
        return link;
    }
}
