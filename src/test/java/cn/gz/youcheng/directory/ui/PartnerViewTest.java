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
import java.time.LocalDate;
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
    @Autowired
    cn.gz.youcheng.registry.ExchangeService exchanges;

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
    void aVisitorSeesThePublishedExchangesNewestFirstNarrowsThemAndNeverSeesAnInternalOne() {
        long durban = jdbc.sql("select id from partner where name_zh = '德班'").query(Long.class).single();
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated("officer", null,
                        org.springframework.security.core.authority.AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
        try {
            exchanges.save(exchange(durban, LocalDate.of(2019, 9, 2), cn.gz.youcheng.registry.ExchangeKind.EVENT,
                    cn.gz.youcheng.registry.ExchangeTheme.SPORT, null, "Marathon friendship run", true));
            exchanges.save(exchange(durban, LocalDate.of(2024, 4, 10), cn.gz.youcheng.registry.ExchangeKind.INCOMING_DELEGATION,
                    cn.gz.youcheng.registry.ExchangeTheme.ECONOMY_TRADE, "德班经贸代表团", "Durban trade delegation", true));
            exchanges.save(exchange(durban, LocalDate.of(2025, 1, 20), cn.gz.youcheng.registry.ExchangeKind.ONLINE_MEETING,
                    cn.gz.youcheng.registry.ExchangeTheme.GOVERNMENT, "内部磋商", "Internal consultation", false));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }

        UI.getCurrent().navigate("partners/" + durban);

        UnorderedList timeline = _get(UnorderedList.class, spec -> spec.withId("partner-exchanges"));
        assertThat(timeline.getChildren().map(item -> item.getElement().getTextRecursively()).toList()).satisfiesExactly(
                first -> assertThat(first).startsWith("April 10, 2024 · Incoming delegation · Economy and trade")
                        .contains("Durban trade delegation"),
                second -> assertThat(second).startsWith("September 2, 2019 · Event · Sport").contains("Marathon friendship run"));
        assertThat(timeline.getElement().getOuterHTML()).doesNotContain("Internal consultation").doesNotContain("内部磋商");
        assertThat(_get(Paragraph.class, spec -> spec.withId("partner-latest-exchange")).getText())
                .isEqualTo("Latest exchange: April 10, 2024");
        assertThat(_get(Paragraph.class, spec -> spec.withId("partner-next-anniversary")).getText())
                .startsWith("Next round anniversary: ").endsWith("th anniversary on " + nextRoundAnniversary(durban));

        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<cn.gz.youcheng.registry.ExchangeTheme> theme =
                _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("exchange-theme-filter"));
        assertThat(theme.getListDataView().getItems()).as("only the themes the partner's exchanges have")
                .containsExactly(cn.gz.youcheng.registry.ExchangeTheme.ECONOMY_TRADE, cn.gz.youcheng.registry.ExchangeTheme.SPORT);
        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(theme, cn.gz.youcheng.registry.ExchangeTheme.SPORT);
        assertThat(timeline.getChildren().map(item -> item.getElement().getTextRecursively()).toList()).singleElement()
                .asString().contains("Marathon friendship run");
    }

    private String nextRoundAnniversary(long partnerId) {
        LocalDate signed = jdbc.sql("select signed_on from agreement where partner_id = :id and status = 'ACTIVE'")
                .param("id", partnerId).query(LocalDate.class).single();
        LocalDate today = queries.today();
        int years = 5;
        while (signed.plusYears(years).isBefore(today)) {
            years += 5;
        }
        return signed.plusYears(years).format(java.time.format.DateTimeFormatter.ofLocalizedDate(
                java.time.format.FormatStyle.LONG).withLocale(Locale.ENGLISH));
    }

    private static cn.gz.youcheng.registry.RegistryCommands.SaveExchange exchange(long partner, LocalDate day,
            cn.gz.youcheng.registry.ExchangeKind kind, cn.gz.youcheng.registry.ExchangeTheme theme, String titleZh,
            String titleEn, boolean published) {
        return new cn.gz.youcheng.registry.RegistryCommands.SaveExchange(null, 0, partner, null, day, null, kind,
                java.util.Set.of(theme), titleZh, titleEn, null, null, null, null, null, null, published);
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
