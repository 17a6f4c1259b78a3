package cn.gz.youcheng.directory.ui.findable;

import cn.gz.youcheng.base.ui.Language;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.query.PartnerPagesQueries;
import cn.gz.youcheng.registry.query.PartnerPagesQueries.PartnerPage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /sitemap.xml} (sitemaps.org 0.9): the public views and every partner's page, each in both languages
 * with the other as its alternate, and when it last changed by the registry's history. A sitemap holds at
 * most 50,000 addresses: beyond that, {@code /sitemap.xml} is an index of {@code /sitemap-1.xml},
 * {@code /sitemap-2.xml} …, each with the pages of 24,995 partners (and the views in every one's room, listed
 * in the first).
 */
@RestController
class SitemapController {

    static final int MOST_URLS = 50_000;
    private static final List<String> VIEWS = List.of("", "statistics", "map", "changes", "anniversaries");
    /** Each page is listed once per language; the first sitemap lists the views too. */
    static final int PARTNERS_PER_SITEMAP = MOST_URLS / Language.values().length - VIEWS.size();
    private static final String SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final MediaType XML = new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8);

    private final PartnerPagesQueries pages;
    private final DirectoryQueries queries;
    private final int partnersPerSitemap;

    @Autowired
    SitemapController(PartnerPagesQueries pages, DirectoryQueries queries) {
        this(pages, queries, PARTNERS_PER_SITEMAP);
    }

    /** With fewer partners per sitemap, for a test of the index without tens of thousands of partners. */
    SitemapController(PartnerPagesQueries pages, DirectoryQueries queries, int partnersPerSitemap) {
        this.pages = pages;
        this.queries = queries;
        this.partnersPerSitemap = partnersPerSitemap;
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "The public pages for search engines (sitemaps.org), or an index of sitemaps past 50,000 addresses", tags = "search engines")
    @GetMapping("/sitemap.xml")
    ResponseEntity<StreamingResponseBody> sitemap() {
        int partners = pages.partners();
        String origin = origin();
        if (partners <= partnersPerSitemap) {
            return urls(origin, 1);
        }
        int sitemaps = (partners + partnersPerSitemap - 1) / partnersPerSitemap;
        Instant changed = queries.dataVersion().changedAt();
        return xml(out -> write(out, xml -> {
            xml.writeStartElement("sitemapindex");
            xml.writeDefaultNamespace(SITEMAPS);
            for (int number = 1; number <= sitemaps; number++) {
                xml.writeStartElement("sitemap");
                element(xml, "loc", origin + "/sitemap-" + number + ".xml");
                element(xml, "lastmod", day(changed));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }));
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "One sitemap of the index", tags = "search engines")
    @GetMapping("/sitemap-{number:[0-9]{1,6}}.xml")
    ResponseEntity<StreamingResponseBody> part(@PathVariable int number) {
        int partners = pages.partners();
        if (number < 1 || (long) (number - 1) * partnersPerSitemap >= Math.max(1, partners)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        return urls(origin(), number);
    }

    /**
     * The views (in the first sitemap) and the partners of one sitemap, each page in both languages. Read
     * before the response is streamed, which happens outside this request's thread and its security.
     */
    private ResponseEntity<StreamingResponseBody> urls(String origin, int number) {
        List<PartnerPage> partnerPages = pages.pages((number - 1) * partnersPerSitemap, partnersPerSitemap);
        Instant registryChanged = queries.dataVersion().changedAt();
        return xml(out -> write(out, xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAPS);
            xml.writeNamespace("xhtml", XHTML);
            if (number == 1) {
                for (String view : VIEWS) {
                    page(xml, origin, view, registryChanged);
                }
            }
            for (PartnerPage partner : partnerPages) {
                page(xml, origin, "partners/" + partner.id(), partner.lastChanged());
            }
            xml.writeEndElement();
        }));
    }

    private static void page(XMLStreamWriter xml, String origin, String path, @Nullable Instant changed)
            throws XMLStreamException {
        for (Language language : Language.values()) {
            xml.writeStartElement("url");
            element(xml, "loc", origin + "/" + path + "?lang=" + language.code());
            if (changed != null) {
                element(xml, "lastmod", day(changed));
            }
            for (Language alternate : Language.values()) {
                xml.writeEmptyElement("xhtml", "link", XHTML);
                xml.writeAttribute("rel", "alternate");
                xml.writeAttribute("hreflang", alternate.code());
                xml.writeAttribute("href", origin + "/" + path + "?lang=" + alternate.code());
            }
            xml.writeEndElement();
        }
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static String day(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atOffset(ZoneOffset.UTC));
    }

    private static String origin() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    private static ResponseEntity<StreamingResponseBody> xml(StreamingResponseBody body) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .contentType(XML)
                .body(body);
    }

    @FunctionalInterface
    private interface XmlBody {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static void write(OutputStream out, XmlBody body) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }
}
