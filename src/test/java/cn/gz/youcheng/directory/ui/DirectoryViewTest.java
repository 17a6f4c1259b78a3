package cn.gz.youcheng.directory.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.KaribuTest;
import cn.gz.youcheng.registry.PartnerRow;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DirectoryViewTest extends KaribuTest {

    @Test
    @SuppressWarnings("unchecked")
    void theHomePageListsAll107PartnersInTheOfficialOrder() {
        UI.getCurrent().navigate("");

        NavigatorKt.expectView(DirectoryView.class);
        Grid<PartnerRow> grid = _get(Grid.class, spec -> spec.withId("directory-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(107);
        assertThat(GridKt._get(grid, 0).nameZh()).isEqualTo("福冈");
        assertThat(GridKt._get(grid, 38).nameZh()).isEqualTo("萨尔瓦多");
        assertThat(GridKt._get(grid, 106).nameEn()).isEqualTo("San Francisco");
    }

    @Test
    void theSummaryGivesTheOfficialTotalInTheVisitorsLanguage() {
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("");

        assertThat(_get(Paragraph.class, spec -> spec.withId("directory-summary")).getText())
                .startsWith("广州与 68 个国家的 107 个城市建立了友好关系");
    }

    @Test
    void englishVisitorsSeeEnglishCountryNames() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("");

        Grid<?> grid = _get(Grid.class, spec -> spec.withId("directory-grid"));
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("Fukuoka", "Japan", "Sister city");
        assertThat(_get(Paragraph.class, spec -> spec.withId("directory-summary")).getText())
                .startsWith("Guangzhou has friendly relations with 107 cities in 68 countries");
    }
}
