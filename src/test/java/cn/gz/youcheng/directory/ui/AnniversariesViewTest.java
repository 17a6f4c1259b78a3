package cn.gz.youcheng.directory.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.KaribuTest;
import cn.gz.youcheng.registry.query.Anniversaries;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class AnniversariesViewTest extends KaribuTest {

    @Autowired
    Anniversaries anniversaries;
    @Autowired
    DirectoryQueries queries;

    @Test
    void theNextTwelveMonthsAnniversariesAreListedByMonthEachLinkingItsPartner() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("anniversaries");

        List<Anniversaries.Anniversary> upcoming = anniversaries.nextTwelveMonths(queries.today());
        List<ListItem> items = _find(UnorderedList.class, spec -> spec.withClasses("anniversaries")).stream()
                .flatMap(list -> list.getChildren().map(ListItem.class::cast)).toList();
        assertThat(items).hasSize(upcoming.size());
        Anniversaries.Anniversary first = upcoming.getFirst();
        assertThat(items.getFirst().getElement().getTextRecursively()).isEqualTo(first.on() + " · " + first.nameEn() + " ("
                + first.countryEn() + "): " + first.years() + "th anniversary · "
                + (first.kind() == cn.gz.youcheng.registry.AgreementKind.SISTER_CITY ? "Sister-city agreement"
                : "Memorandum on friendly cooperation and exchange") + " · signed " + first.signedOn());
        assertThat(items.getFirst().getChildren().filter(Anchor.class::isInstance).map(a -> ((Anchor) a).getHref()))
                .containsExactly("partners/" + first.partnerId());
        assertThat(_find(H3.class, spec -> { })).extracting(H3::getText)
                .doesNotHaveDuplicates().allMatch(month -> month.matches("[A-Z][a-z]+ \\d{4}"));
        assertThat(_get(Anchor.class, spec -> spec.withText("Subscribe in a calendar (iCalendar)")).getHref())
                .isEqualTo("export/anniversaries.ics?lang=en");
    }
}
