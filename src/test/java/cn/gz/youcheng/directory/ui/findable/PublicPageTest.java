package cn.gz.youcheng.directory.ui.findable;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.base.ui.Language;
import cn.gz.youcheng.registry.AdminLevel;
import cn.gz.youcheng.registry.AgreementKind;
import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.Continent;
import cn.gz.youcheng.registry.PartnerList;
import cn.gz.youcheng.registry.query.ListTotals;
import cn.gz.youcheng.registry.query.PartnerDetails;
import cn.gz.youcheng.registry.query.PartnerRow;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The first HTML's content is the registry's text, escaped: a name or a published reason that looks like
 * markup arrives as text, never as an element, in a title, an attribute or the page.
 */
class PublicPageTest {

    private static final String HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>\"&";
    private static final PublicPage.Texts KEYS = (key, params) -> key + Arrays.toString(params);

    @Test
    void namesThatLookLikeMarkupArriveAsText() {
        Document document = Jsoup.parse("<html><head></head><body><div id=outlet></div></body></html>");
        PublicPage page = new PublicPage(document, Language.EN, "https://example.org", "", KEYS);
        PartnerRow row = new PartnerRow(7, PartnerList.SISTER, 1, HOSTILE, HOSTILE, "AU", HOSTILE, HOSTILE,
                Continent.OCEANIA, AdminLevel.CITY, LocalDate.of(1986, 5, 12), AgreementStatus.ACTIVE, null, null, null, null);
        page.directory(new ListTotals(LocalDate.of(2026, 12, 1), 1, 0, 1), List.of(row));

        Document reread = Jsoup.parse(document.outerHtml());
        assertThat(reread.select("noscript script, noscript img, head script")).isEmpty();
        assertThat(reread.select("noscript td").get(1).text()).isEqualTo(HOSTILE + " " + HOSTILE);
        assertThat(reread.select("noscript a").first().attr("href")).isEqualTo("https://example.org/partners/7?lang=en");
        assertThat(reread.select("noscript td span").attr("lang")).isEqualTo("zh");
    }

    @Test
    void aPartnersPublishedReasonAndNamesStayTextInTheTitleAndDescriptionToo() {
        Document document = Jsoup.parse("<html><head></head><body></body></html>");
        PublicPage page = new PublicPage(document, Language.ZH, "https://example.org", "partners/7", KEYS);
        PartnerRow standing = new PartnerRow(7, PartnerList.SISTER, 1, HOSTILE, "Sydney", "AU", "澳大利亚", "Australia",
                Continent.OCEANIA, AdminLevel.CITY, LocalDate.of(1986, 5, 12), AgreementStatus.ACTIVE, null, null, null, null);
        page.partner(new PartnerDetails(7, HOSTILE, "Sydney", "AU", "澳大利亚", "Australia", Continent.OCEANIA,
                AdminLevel.CITY, null, null, null, 2147714L, "Q3130", standing, List.of(new PartnerDetails.AgreementDetails(1,
                AgreementKind.SISTER_CITY, LocalDate.of(1986, 5, 12), HOSTILE, HOSTILE, AgreementStatus.ACTIVE,
                List.of(new PartnerDetails.StatusStep(AgreementStatus.ACTIVE, LocalDate.of(1986, 5, 12), HOSTILE))))),
                List.of(new cn.gz.youcheng.registry.query.PublicExchanges.PublicExchange(3, 7, HOSTILE, "Sydney", "AU",
                        LocalDate.of(2024, 3, 1), null, cn.gz.youcheng.registry.ExchangeKind.EVENT,
                        java.util.Set.of(cn.gz.youcheng.registry.ExchangeTheme.CULTURE), null, HOSTILE, null, HOSTILE, null,
                        null, null, null)));

        Document reread = Jsoup.parse(document.outerHtml());
        assertThat(reread.select("script, img")).isEmpty();
        assertThat(reread.title()).isEqualTo(HOSTILE + " Sydney · app.name[]");
        assertThat(reread.select("meta[name=description]").attr("content")).contains(HOSTILE);
        assertThat(reread.select("noscript h1").text()).isEqualTo(HOSTILE + " Sydney");
        assertThat(reread.select("noscript h1 span").attr("lang")).isEqualTo("en");
        assertThat(reread.select("html").attr("lang")).isEqualTo("zh");
        assertThat(reread.select("link[rel=canonical]").attr("href")).isEqualTo("https://example.org/partners/7?lang=zh");
        assertThat(reread.select("link[rel=alternate]").eachAttr("hreflang")).containsExactly("zh", "en", "x-default");
        // An exchange with only an English title: marked as English on the Chinese page, and text.
        assertThat(reread.select("noscript li span[lang=en]").text()).isEqualTo(HOSTILE);
    }
}
