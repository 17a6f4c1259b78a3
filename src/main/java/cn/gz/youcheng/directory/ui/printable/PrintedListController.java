package cn.gz.youcheng.directory.ui.printable;

import cn.gz.youcheng.directory.DirectoryFilterParameters;
import cn.gz.youcheng.base.ui.Language;
import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.directory.export.DownloadRequest;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.query.ListTotals;
import cn.gz.youcheng.registry.query.PartnerRow;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The directory's selection for paper (decision record 0021): {@code /export/partners.html} with the
 * directory's filters is a page of its own, and {@code ?part=content} is its table alone, which the
 * directory prints in place of its grid, since a grid holds only the rows on screen.
 */
@RestController
class PrintedListController {

    private final DirectoryQueries queries;

    PrintedListController(DirectoryQueries queries) {
        this.queries = queries;
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "The selection as one printable table; lang=zh or en, part=content for the table alone", tags = "downloads")
    @DirectoryFilterParameters
    @GetMapping("/export/partners.html")
    void printed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Language language = language(request);
        DownloadRequest download = DownloadRequest.of(request, queries, "html|" + language.code() + '|'
                + request.getParameter("part"));
        if (download.notModified(request, response)) {
            return;
        }
        DirectoryFilter filter = download.filter();
        List<PartnerRow> rows = queries.page(filter, List.of(), 0, PrintedList.MOST_ROWS);
        ListTotals totals = queries.totals(filter);
        ListTotals official = queries.totals(DirectoryFilter.official(filter.asOf()));
        PrintedList printed = new PrintedList(language);
        String address = directoryAddress(filter);
        // Read where it is, not saved: a page for paper.
        download.writeHeaders(response, "text/html", null);
        try (Writer out = response.getWriter()) {
            if ("content".equals(request.getParameter("part"))) {
                out.write(printed.content(rows, totals, official, address).outerHtml());
            } else {
                out.write(printed.document(rows, totals, official, address).outerHtml());
            }
        }
    }

    /** {@code ?lang=}, else the browser's first language: the print is in the language of the page it is from. */
    private static Language language(HttpServletRequest request) {
        Language asked = Language.parse(request.getParameter("lang"));
        return asked != null ? asked : Language.of(request.getLocale() == null ? Locale.CHINESE : request.getLocale());
    }

    /** The directory's address for this selection, as the visitor's browser addressed the server. */
    private String directoryAddress(DirectoryFilter filter) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + "/"
                + DirectoryParameters.querySuffix(filter, queries.today());
    }
}
