package cn.gz.youcheng.directory.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.KaribuTest;
import cn.gz.youcheng.SecurityContextOfThisApplication;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * A registry with more partners than the map draws one by one (here the official list's 107 against a
 * limit of 50, as a national registry's hundreds of thousands against the default 2,000) is drawn by country.
 */
@ExtendWith(SecurityContextOfThisApplication.class)
@SpringBootTest(properties = {"youcheng.embedded-database.temporary=true", "youcheng.map.most-points=50"})
class MapByCountryTest extends KaribuTest {

    @BeforeEach
    void english() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    @Test
    void tooManyPartnersAreDrawnAsOnePointPerCountrySizedByItsPartners() {
        open("map", Map.of());

        assertThat(_get(Paragraph.class, spec -> spec.withId("map-notice")).getText())
                .startsWith("107 partners are too many to show one by one");
        JsonNode countries = series("Partners by country").get("data");
        assertThat(countries).hasSize(68);
        JsonNode us = StreamSupport.stream(countries.spliterator(), false)
                .filter(point -> point.get("id").asString().equals("country:US")).findFirst().orElseThrow();
        assertThat(us.get("name").asString()).isEqualTo("United States · 6 partners");
        JsonNode biggest = countries.get(0);
        assertThat(biggest.get("symbolSize").asInt()).isEqualTo(40);
        assertThat(us.get("symbolSize").asInt()).isBetween(7, biggest.get("symbolSize").asInt());
    }

    @Test
    void clickingACountryListsItsPartnersInTheDirectory() {
        open("map", Map.of("list", List.of("sister")));
        MapView view = _get(MapView.class);

        ComponentUtil.fireEvent(view.map, new EChart.ItemClickEvent(view.map, true, "country:AU"));

        NavigatorKt.expectView(DirectoryView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getParameters())
                .containsEntry("country", List.of("AU")).containsEntry("list", List.of("sister"));
    }

    @Test
    void aFilterNarrowEnoughIsDrawnPartnerByPartner() {
        open("map", Map.of("country", List.of("AU")));

        assertThat(_get(MapView.class).getChildren().filter(c -> "map-notice".equals(c.getId().orElse(null)))).isEmpty();
        JsonNode option = _get(MapView.class).map.getOption();
        int partners = StreamSupport.stream(option.get("series").spliterator(), false)
                .filter(series -> series.get("type").asString().equals("scatter"))
                .mapToInt(series -> series.get("data").size()).sum();
        assertThat(partners).isEqualTo(3 + 1); // Sydney, Melbourne, Darwin, and Guangzhou itself
    }

    @Test
    void theMapsPointsAreAListOfLinksOnceOpenedAndTheMapIsAPictureThatSaysSo() {
        open("map", Map.of());
        MapView view = _get(MapView.class);
        assertThat(view.map.getElement().getAttribute("role")).isEqualTo("img");
        assertThat(view.map.getElement().getAttribute("aria-label"))
                .isEqualTo("Guangzhou's partners on the map. Its partners are listed below it.");
        Details list = _get(Details.class, spec -> spec.withId("map-list"));
        // Nothing is made for a visitor who does not open it.
        assertThat(list.getContent()).isEmpty();

        list.setOpened(true);
        List<RouterLink> countries = _find(list, RouterLink.class);
        assertThat(countries).hasSize(68);
        RouterLink us = countries.stream().filter(link -> link.getText().startsWith("United States")).findFirst().orElseThrow();
        assertThat(us.getText()).isEqualTo("United States · 6 partners");
        assertThat(us.getHref()).isEqualTo("?country=US");

        // Narrow enough to draw partner by partner: each partner with coordinates links to its page.
        open("map", Map.of("country", List.of("AU")));
        Details partners = _get(Details.class, spec -> spec.withId("map-list"));
        partners.setOpened(true);
        assertThat(_find(partners, RouterLink.class)).extracting(RouterLink::getText)
                .containsExactlyInAnyOrder("Sydney 悉尼 · Australia", "Melbourne 墨尔本 · Australia", "Darwin 达尔文 · Australia");
        assertThat(_find(partners, RouterLink.class)).allSatisfy(link -> assertThat(link.getHref()).startsWith("partners/"));
    }

    private static void open(String route, Map<String, List<String>> parameters) {
        UI.getCurrent().navigate(route, new QueryParameters(parameters));
    }

    private static JsonNode series(String name) {
        return StreamSupport.stream(_get(MapView.class).map.getOption().get("series").spliterator(), false)
                .filter(series -> series.has("name") && series.get("name").asString().equals(name))
                .findFirst().orElseThrow();
    }
}
