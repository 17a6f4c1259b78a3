package cn.gz.youcheng.directory.ui.findable;

import cn.gz.youcheng.base.DatabaseFailures;
import cn.gz.youcheng.base.LogSafe;
import cn.gz.youcheng.base.ui.Language;
import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.directory.export.OpenDataCatalog;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.query.PartnerDetails;
import cn.gz.youcheng.registry.query.PartnerDetailsQueries;
import cn.gz.youcheng.registry.query.Anniversaries;
import cn.gz.youcheng.registry.query.PublicChanges;
import cn.gz.youcheng.registry.query.PublicExchanges;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The first HTML a client receives, before any script runs: Vaadin's page with the content of the public
 * pages in a {@code <noscript>} block (the official lists, a partner's facts), their title, description,
 * Open Graph tags, canonical URL and the other language's alternate, and a real status code: 404 for a
 * partner or page that does not exist, which the view drawn by the scripts then explains to people.
 * Search engines that run no scripts, or run them poorly, see what a visitor sees.
 */
@Component
class FirstHtml implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(FirstHtml.class);
    private static final Pattern PARTNER = Pattern.compile("partners/([^/]*)");

    private final DirectoryQueries queries;
    private final PartnerDetailsQueries details;
    private final OpenDataCatalog catalog;
    private final PublicChanges changes;
    private final Anniversaries anniversaries;
    private final PublicExchanges exchanges;

    FirstHtml(DirectoryQueries queries, PartnerDetailsQueries details, OpenDataCatalog catalog, PublicChanges changes,
            Anniversaries anniversaries, PublicExchanges exchanges) {
        this.exchanges = exchanges;
        this.changes = changes;
        this.anniversaries = anniversaries;
        this.queries = queries;
        this.details = details;
        this.catalog = catalog;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(this::write);
    }

    private void write(IndexHtmlResponse response) {
        VaadinRequest request = response.getVaadinRequest();
        Document document = response.getDocument();
        String path = path(request.getPathInfo());
        Language language = language(request, document);
        I18NProvider provider = VaadinService.getCurrent().getInstantiator().getI18NProvider();
        Locale locale = language.locale();
        PublicPage page = new PublicPage(document, language, origin(request), path,
                (key, params) -> provider.getTranslation(key, locale, params));
        // The directory prints its whole selection in place of its grid (decision record 0021).
        document.head().appendElement("script").attr("src", "printed-list.js").attr("defer", true);
        document.head().appendElement("link").attr("rel", "stylesheet").attr("href", "printed-list.css")
                .attr("media", "print");

        try {
            write(response, page, path);
        } catch (RuntimeException failure) {
            if (!DatabaseFailures.isUnavailable(failure)) {
                throw failure;
            }
            // The page's scripts show people the outage view; a crawler is told to come back, not that the page
            // is gone or empty.
            log.warn("The first HTML of /{} went without its content: the database is unavailable", LogSafe.of(path));
            response.getVaadinResponse().setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.getVaadinResponse().setHeader("Retry-After", "60");
        }
    }

    private void write(IndexHtmlResponse response, PublicPage page, String path) {
        Matcher partner = PARTNER.matcher(path);
        boolean found;
        if (partner.matches()) {
            // The same test as the partner's view: a number that a partner has.
            Long id = DirectoryParameters.partnerId(partner.group(1));
            Optional<PartnerDetails> details = id == null ? Optional.empty() : this.details.partnerToday(id);
            details.ifPresent(shown -> page.partner(shown, exchanges.ofPartner(shown.id())));
            found = details.isPresent();
        } else if (path.isEmpty()) {
            DirectoryFilter today = DirectoryFilter.official(queries.today());
            page.directory(queries.totals(today), queries.page(today, List.of(), 0, PublicPage.MOST_ROWS));
            page.dataset(catalog.schemaOrgDataset(origin(response.getVaadinRequest()), page.language().locale()));
            found = true;
        } else if (path.equals("changes")) {
            page.changes(changes.latest(0, PublicPage.MOST_CHANGES));
            found = true;
        } else if (path.equals("anniversaries")) {
            page.anniversaries(anniversaries.nextTwelveMonths(queries.today()));
            found = true;
        } else if (path.equals("statistics") || path.equals("map")) {
            DirectoryFilter today = DirectoryFilter.official(queries.today());
            page.overview(path, queries.totals(today), queries.countryPoints(today));
            found = true;
        } else {
            found = RouteConfiguration.forApplicationScope().getRoute(path).isPresent();
            if (found) {
                // The sign-in page and the officers' area: nothing for a search engine.
                page.notForSearchEngines();
            }
        }
        if (!found) {
            page.notFound();
            response.getVaadinResponse().setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** The path within the application, without slashes at either end: {@code ""} for the directory. */
    static String path(@Nullable String pathInfo) {
        String path = pathInfo == null ? "" : pathInfo;
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    /**
     * The language the page will be drawn in: {@code ?lang=}, else the one chosen earlier in the session,
     * else the one Vaadin chose from the browser's languages for the page's {@code lang} attribute.
     */
    private static Language language(VaadinRequest request, Document document) {
        Language asked = Language.parse(request.getParameter("lang"));
        if (asked != null) {
            return asked;
        }
        VaadinSession session = VaadinSession.getCurrent();
        Locale chosen = session == null ? null : session.getLocale();
        return chosen != null ? Language.of(chosen) : Language.of(Locale.forLanguageTag(document.select("html").attr("lang")));
    }

    /** Scheme, host and port as the client addressed the server (behind a trusted proxy, as the proxy says). */
    private static String origin(VaadinRequest request) {
        VaadinServletRequest servlet = (VaadinServletRequest) request;
        String scheme = servlet.getScheme();
        int port = servlet.getServerPort();
        boolean defaultPort = scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + servlet.getServerName() + (defaultPort ? "" : ":" + port) + servlet.getContextPath();
    }
}
