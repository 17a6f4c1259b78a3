package cn.gz.youcheng.directory.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.KaribuTest;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.query.PartnerRow;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PartnerViewTest extends KaribuTest {

    @Autowired
    DirectoryQueries queries;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void english() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    @Test
    void aPartnerPageShowsNamesPlaceAndAgreements() {
        long oakland = idOf("Oakland");

        UI.getCurrent().navigate("partners/" + oakland);

        NavigatorKt.expectView(PartnerView.class);
        assertThat(_get(H2.class, spec -> spec.withId("partner-name")).getElement().getTextRecursively()).isEqualTo("Oakland 奥克兰");
        assertThat(_get(H2.class, spec -> spec.withId("partner-name")).getChildren().findFirst().orElseThrow()
                .getElement().getAttribute("lang")).isEqualTo("zh");
        assertThat(_get(Paragraph.class, spec -> spec.withId("partner-standing")).getText())
                .isEqualTo("Today: Exchange city no. 38");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("partner-agreements")).getElement().getTextRecursively())
                .contains("Memorandum on friendly cooperation and exchange")
                .contains("July 18, 2019: Active");
        Paragraph identifiers = _get(Paragraph.class, spec -> spec.withId("partner-identifiers"));
        assertThat(identifiers.getElement().getTextRecursively()).isEqualTo("Identifiers: GeoNames 5378538");
        assertThat(identifiers.getChildren().filter(Anchor.class::isInstance).map(a -> ((Anchor) a).getHref()))
                .containsExactly("https://www.geonames.org/5378538");
    }

    @Test
    void aPartnerWithoutAGeonamesEntryShowsItsWikidataItemAloneAndOneWithNeitherNoIdentifiers() {
        jdbc.sql("update partner set wikidata_qid = 'Q213046' where name_zh = '蒂瓦特'").update();
        try {
            UI.getCurrent().navigate("partners/" + idOf("Tivat"));
            Paragraph identifiers = _get(Paragraph.class, spec -> spec.withId("partner-identifiers"));
            assertThat(identifiers.getElement().getTextRecursively()).isEqualTo("Identifiers: Wikidata Q213046");
            assertThat(identifiers.getChildren().filter(Anchor.class::isInstance).map(a -> ((Anchor) a).getHref()))
                    .containsExactly("https://www.wikidata.org/wiki/Q213046");

            // From one partner's page straight to another's, as the browser's history goes.
            UI.getCurrent().navigate("partners/" + idOf("Hambantota"));
            assertThat(_get(H2.class, spec -> spec.withId("partner-name")).getElement().getTextRecursively())
                    .isEqualTo("Hambantota 汉班托塔");
            assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Paragraph.class,
                    spec -> spec.withId("partner-identifiers"))).isEmpty();
        } finally {
            jdbc.sql("update partner set wikidata_qid = null where name_zh = '蒂瓦特'").update();
        }
    }

    @Test
    void clickingARowOpensThePartnerPage() {
        UI.getCurrent().navigate("");
        @SuppressWarnings("unchecked")
        Grid<PartnerRow> grid = _get(Grid.class, spec -> spec.withId("directory-grid"));

        GridKt._clickItem(grid, 0);

        NavigatorKt.expectView(PartnerView.class);
        assertThat(_get(H2.class, spec -> spec.withId("partner-name")).getElement().getTextRecursively()).isEqualTo("Fukuoka 福冈");
    }

    @Test
    void anUnknownPartnerGetsANotFoundPage() {
        UI.getCurrent().navigate("partners/999999999");

        assertThat(_get(H2.class, spec -> spec.withId("not-found")).getText()).isEqualTo("Page not found");
    }

    @Test
    void aMalformedPartnerAddressGetsANotFoundPage() {
        UI.getCurrent().navigate("partners/oakland");

        assertThat(_get(H2.class, spec -> spec.withId("not-found")).getText()).isEqualTo("Page not found");
    }

    private long idOf(String nameEn) {
        List<PartnerRow> rows = new ArrayList<>();
        queries.forEach(DirectoryFilter.official(queries.today()), rows::add);
        return rows.stream().filter(row -> row.nameEn().equals(nameEn)).findFirst().orElseThrow().id();
    }
}
