package cn.gz.youcheng.directory.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.KaribuTest;
import cn.gz.youcheng.registry.Continent;
import cn.gz.youcheng.registry.PartnerList;
import cn.gz.youcheng.registry.query.PartnerRow;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@IntegrationTest
class DirectoryViewTest extends KaribuTest {

    @BeforeEach
    void english() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    @Test
    void theHomePageListsAll107PartnersInTheOfficialOrder() {
        open(Map.of());

        NavigatorKt.expectView(DirectoryView.class);
        assertThat(GridKt._size(grid())).isEqualTo(107);
        assertThat(GridKt._get(grid(), 0).nameZh()).isEqualTo("福冈");
        assertThat(GridKt._get(grid(), 38).nameZh()).isEqualTo("萨尔瓦多");
        assertThat(GridKt._get(grid(), 106).nameEn()).isEqualTo("San Francisco");
        assertThat(text("official-sentence")).startsWith("Guangzhou has friendly relations with 107 cities in 68 countries");
    }

    @Test
    void typingANameFiltersTheGridAndPutsTheFilterInTheUrl() {
        open(Map.of());

        _setValue(_get(TextField.class, spec -> spec.withId("filter-text")), "Oakland");

        assertThat(rows()).extracting(PartnerRow::nameEn).containsExactly("Oakland");
        assertThat(currentUrl()).isEqualTo("?q=Oakland");
        assertThat(link("download-partners-csv"))
                .isEqualTo("export/partners.csv?q=Oakland");
    }

    @Test
    void theSelectionsLinksCarryItsFiltersAndEscapeWhatTheVisitorTyped() {
        open(Map.of("q", List.of("\"><script>alert(1)</script>"), "country", List.of("JP")));

        String html = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("selection-links"))
                .getElement().getProperty("innerHTML");
        assertThat(html).doesNotContain("<script");
        for (String id : List.of("download-partners-csv", "download-partners-xlsx", "download-partners-json",
                "download-official-txt", "link-printable", "link-statistics", "link-map")) {
            assertThat(link(id)).as(id).contains("?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E").contains("country=JP");
        }
        assertThat(link("download-partners-xlsx")).startsWith("export/partners.xlsx?");
        assertThat(link("link-map")).startsWith("map?");
    }

    @Test
    void textSearchMatchesChineseAndEnglishNamesOfPartnerAndCountry() {
        open(Map.of("q", List.of("奥克兰")));
        assertThat(rows()).extracting(PartnerRow::nameEn).containsExactly("Auckland", "Oakland");

        open(Map.of("q", List.of("  new zealand ")));
        assertThat(rows()).isNotEmpty().allSatisfy(row -> assertThat(row.countryIso2()).isEqualTo("NZ"));
    }

    @Test
    void aDeepLinkToACountryShowsItsPartnersWithTheirOfficialNumbers() {
        open(Map.of("country", List.of("JP")));

        assertThat(rows()).extracting(PartnerRow::nameZh, PartnerRow::seq)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("福冈", 1),
                        org.assertj.core.groups.Tuple.tuple("登别", 30),
                        org.assertj.core.groups.Tuple.tuple("大分", 3));
        assertThat(text("directory-summary")).isEqualTo(
                "Shown: 3 cities in 1 country (2 sister cities, 1 friendly cooperation exchange city).");
        assertThat(_get(MultiSelectComboBox.class, spec -> spec.withId("filter-country")).getValue()).hasSize(1);
    }

    @Test
    void aDeepLinkOpenedFromAnotherPageKeepsEveryFilter() {
        UI.getCurrent().navigate("partners/1");

        open(Map.of("country", List.of("JP", "US"), "list", List.of("sister")));

        assertThat(currentUrl()).contains("country=JP", "country=US", "list=sister");
        assertThat(_get(MultiSelectComboBox.class, spec -> spec.withId("filter-country")).getValue()).hasSize(2);
        assertThat(rows()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.countryIso2()).isIn("JP", "US");
            assertThat(row.list()).isEqualTo(PartnerList.SISTER);
        });
    }

    @Test
    void theFiltersBeyondTheSearchAreMadeWhenAVisitorOpensThemAndThenNarrowTheList() {
        open(Map.of("q", List.of("a")));
        // A visitor who only looks or searches costs the server no filter fields.
        assertThat(_find(MultiSelectComboBox.class)).isEmpty();

        _get(Details.class, spec -> spec.withId("more-filters")).setOpened(true);
        Select<PartnerList> list = _get(Select.class, spec -> spec.withId("filter-list"));
        assertThat(list.getValue()).isNull();
        _setValue(list, PartnerList.SISTER);

        assertThat(currentUrl()).isEqualTo("?q=a&list=sister");
        assertThat(rows()).isNotEmpty().allSatisfy(row -> assertThat(row.list()).isEqualTo(PartnerList.SISTER));
        // The search typed afterwards keeps the list chosen.
        _setValue(_get(TextField.class, spec -> spec.withId("filter-text")), "福冈");
        assertThat(currentUrl()).isEqualTo("?q=%E7%A6%8F%E5%86%88&list=sister");
    }

    @Test
    void aLinkWithFiltersBeyondTheSearchOpensThemShowingItsValues() {
        open(Map.of("list", List.of("exchange")));

        assertThat(_get(Details.class, spec -> spec.withId("more-filters")).isOpened()).isTrue();
        assertThat(_get(Select.class, spec -> spec.withId("filter-list")).getValue()).isEqualTo(PartnerList.EXCHANGE);
    }

    @Test
    void theSisterCityListHas38Partners() {
        open(Map.of("list", List.of("sister")));

        assertThat(GridKt._size(grid())).isEqualTo(38);
        assertThat(rows()).allSatisfy(row -> assertThat(row.list()).isEqualTo(PartnerList.SISTER));
    }

    @Test
    void theListsAsOfTheEndOf2019() {
        open(Map.of("asOf", List.of("2019-12-31")));

        assertThat(GridKt._size(grid())).isEqualTo(82);
        assertThat(text("directory-summary")).contains("38 sister cities, 44 friendly cooperation exchange cities");
        assertThat(text("official-sentence")).contains("82 cities").contains("Dec 31, 2019");
    }

    @Test
    void continentsAndSigningYearsNarrowTheList() {
        open(Map.of("continent", List.of("oceania"), "from", List.of("2019"), "to", List.of("2019")));

        assertThat(rows()).extracting(PartnerRow::nameEn).containsExactly("Darwin");
        assertThat(rows()).allSatisfy(row -> assertThat(row.continent()).isEqualTo(Continent.OCEANIA));
    }

    @Test
    void badParametersAreIgnoredWithAVisibleNotice() {
        open(Map.of("from", List.of("abc"), "country", List.of("XX"), "asOf", List.of("2020-02-30")));

        assertThat(GridKt._size(grid())).isEqualTo(107);
        Paragraph notice = _get(Paragraph.class, spec -> spec.withId("directory-notice"));
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).contains("from=abc", "country=XX", "asOf=2020-02-30");
    }

    @Test
    void anEmptyResultSaysSo() {
        open(Map.of("q", List.of("Atlantis")));

        assertThat(GridKt._size(grid())).isZero();
        assertThat(text("directory-summary")).isEqualTo("No partner matches these filters.");
    }

    @Test
    void sortingByEnglishNameHappensInTheDatabase() {
        open(Map.of());

        GridKt._sortByKey(grid(), "nameEn", SortDirection.ASCENDING);

        assertThat(GridKt._get(grid(), 0).nameEn()).isEqualTo("Abu Dhabi");
        assertThat(GridKt._size(grid())).isEqualTo(107);
    }

    @Test
    void theLanguageSwitchShowsChineseTextsAndCountryNames() {
        open(Map.of());

        NativeButton language = _get(NativeButton.class, spec -> spec.withId("language"));
        assertThat(language.getText()).isEqualTo("中文");
        _click(language);

        assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo("zh");
        assertThat(text("official-sentence")).startsWith("广州与 68 个国家的 107 个城市建立了友好关系");
        assertThat(GridKt._getFormattedRow(grid(), 0)).contains("福冈", "日本", "友好城市");
    }

    @Test
    void theStatusColumnIsThereOnlyWhenTheSelectionHoldsOtherStatusesThanActive() {
        open(Map.of());
        assertThat(grid().getColumnByKey("status")).isNull();
        assertThat(grid().getColumns()).hasSize(8);

        open(Map.of("status", List.of("all")));
        var status = grid().getColumnByKey("status");
        assertThat(status).isNotNull();
        assertThat(status.getHeaderText()).isEqualTo("Status");
        assertThat(GridKt._getFormattedRow(grid(), 0)).last().isEqualTo("Active");

        open(Map.of("status", List.of("active")));
        assertThat(grid().getColumnByKey("status")).isNull();
    }

    @Test
    void theMenuMarksThePageTheVisitorIsOn() {
        open(Map.of());
        assertThat(currentPage()).isEqualTo("Partner cities");

        UI.getCurrent().navigate("statistics");
        assertThat(currentPage()).isEqualTo("Statistics");
        assertThat(_get(Nav.class, spec -> { }).getChildren()).allSatisfy(link -> assertThat(link).isInstanceOf(Anchor.class))
                .extracting(link -> ((Anchor) link).getText()).containsExactly("Partner cities", "Statistics", "Map", "Changes", "Anniversaries");
    }

    /** The address of one of the selection's links, as the page has them. */
    private static String link(String id) {
        String html = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("selection-links"))
                .getElement().getProperty("innerHTML");
        return org.jsoup.Jsoup.parseBodyFragment(html).getElementById(id).attr("href");
    }

    private static String currentPage() {
        return _get(Nav.class, spec -> { }).getChildren()
                .filter(link -> "page".equals(link.getElement().getAttribute("aria-current")))
                .map(link -> ((Anchor) link).getText()).reduce((a, b) -> a + ", " + b).orElse("none");
    }

    @Test
    void theLangParameterChoosesTheLanguage() {
        open(Map.of("lang", List.of("zh")));

        assertThat(text("official-sentence")).startsWith("广州与 68 个国家的 107 个城市建立了友好关系");
        assertThat(GridKt._getFormattedRow(grid(), 0)).contains("Fukuoka", "日本");
    }

    private static void open(Map<String, List<String>> parameters) {
        UI.getCurrent().navigate(DirectoryView.class, new QueryParameters(parameters));
    }

    @SuppressWarnings("unchecked")
    private static Grid<PartnerRow> grid() {
        return _get(Grid.class, spec -> spec.withId("directory-grid"));
    }

    private static List<PartnerRow> rows() {
        return GridKt._findAll(grid());
    }

    private static String text(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }

    private static String currentUrl() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }
}
