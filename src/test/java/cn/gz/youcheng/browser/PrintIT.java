package cn.gz.youcheng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.registry.query.DirectoryFilter;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.query.PartnerRow;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What an office gets on paper: the directory printed to PDF by Chromium holds its whole selection, not the
 * rows its grid had on screen, as one table with the title and date atop every page and nothing of the
 * page's frame or controls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"youcheng.embedded-database.temporary=true", "vaadin.productionMode=true",
                "app.admin.password=" + EndToEndIT.BOOTSTRAP_PASSWORD})
class PrintIT extends BrowserTest {

    @Autowired
    DirectoryQueries queries;

    @Test
    void printingTheDirectoryPrintsEveryPartnerOfTheOfficialListsWithTheHeaderOnEveryPage() throws IOException {
        Page page = directory("/");
        // On screen, the grid has drawn a few dozen rows of the 107 (two links to the partner in each).
        assertThat(page.locator("#directory-grid a[href^='partners/']").count() / 2).isLessThan(107);

        List<String> pages = printedPages(page.pdf(new Page.PdfOptions().setFormat("A4")));

        assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
        for (String printed : pages) {
            assertThat(printed).as("every page's header").contains("Guangzhou's international partner cities")
                    .contains("as of").contains("English name").contains("Signed");
            assertThat(printed).as("nothing of the frame or the controls").doesNotContain("High contrast")
                    .doesNotContain("Download CSV").doesNotContain("Printable list").doesNotContain("More filters");
        }
        List<PartnerRow> partners = queries.page(DirectoryFilter.official(queries.today()), List.of(), 0, 200);
        assertThat(partners).hasSize(107);
        assertThat(pages.getFirst()).contains("Fukuoka");
        assertThat(pages.getLast()).contains("San Francisco").contains("107 cities in 68 countries");
        // The whole selection.
        String all = String.join(" ", pages);
        partners.forEach(partner -> assertThat(all).contains(partner.nameEn()));
        // Once printed, the page is the directory again.
        assertThat(page.locator("#printed-selection").count()).isZero();
        assertThat(page.locator("#directory-grid").isVisible()).isTrue();
    }

    @Test
    void printingAFilteredDirectoryPrintsThatSelectionAloneAsThePrintableListDoes() throws IOException {
        Page page = directory("/?country=JP");
        List<String> printed = printedPages(page.pdf(new Page.PdfOptions().setFormat("A4")));

        String all = String.join(" ", printed);
        List<PartnerRow> japan = queries.page(new DirectoryFilter(null, null, Set.of("JP"), Set.of(), null, null,
                cn.gz.youcheng.registry.AgreementStatus.ACTIVE, queries.today()), List.of(), 0, 200);
        assertThat(japan).hasSizeGreaterThanOrEqualTo(3);
        japan.forEach(partner -> assertThat(all).contains(partner.nameEn()));
        assertThat(all).doesNotContain("San Francisco").doesNotContain("Sydney");

        // The printable list, opened from its link, is the same selection on as many pages.
        Page printable = page.waitForPopup(() -> page.locator("#link-printable").click());
        printable.waitForLoadState();
        assertThat(printable.url()).endsWith("/export/partners.html?country=JP");
        assertThat(printable.locator("#printed-list tbody tr").count()).isEqualTo(japan.size());
        List<String> fromLink = printedPages(printable.pdf(new Page.PdfOptions().setFormat("A4")));
        assertThat(fromLink).hasSameSizeAs(printed);
        japan.forEach(partner -> assertThat(String.join(" ", fromLink)).contains(partner.nameEn()));
    }

    private Page directory(String path) {
        Page page = newPage("en-US");
        page.navigate(url(path));
        page.locator("#directory-grid vaadin-grid-cell-content").first().waitFor();
        return page;
    }

    /** The text of each printed page, a line broken within a cell joined again by a space. */
    private static List<String> printedPages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper text = new PDFTextStripper();
            for (int number = 1; number <= document.getNumberOfPages(); number++) {
                text.setStartPage(number);
                text.setEndPage(number);
                pages.add(text.getText(document).replaceAll("\\s+", " "));
            }
            return pages;
        }
    }
}
