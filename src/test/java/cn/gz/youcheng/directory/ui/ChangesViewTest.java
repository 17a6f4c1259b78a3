package cn.gz.youcheng.directory.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.KaribuTest;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ChangesViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void english() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    @Test
    void theChangesPageListsFiftyChangesAPageWithTheOlderAndNewerPagesLinked() {
        UI.getCurrent().navigate("changes");

        NavigatorKt.expectView(ChangesView.class);
        List<ListItem> first = items();
        assertThat(first).hasSize(ChangesView.PAGE_SIZE);
        assertThat(first.getFirst().getChildren().findFirst().orElseThrow()).isInstanceOf(Anchor.class);
        assertThat(((Anchor) first.getFirst().getChildren().findFirst().orElseThrow()).getHref()).matches("partners/\\d+");
        assertThat(links()).containsExactly("changes?page=2");
        assertThat(_get(Anchor.class, spec -> spec.withText("Follow as an Atom feed")).getHref()).isEqualTo("feed.atom?lang=en");

        // The registry's history holds at least the official list's 107 agreements.
        UI.getCurrent().navigate("changes", QueryParameters.of("page", "2"));
        List<ListItem> second = items();
        assertThat(second).hasSize(ChangesView.PAGE_SIZE);
        assertThat(second.getFirst().getElement().getTextRecursively())
                .isNotEqualTo(first.getFirst().getElement().getTextRecursively());
        assertThat(links()).containsExactly("changes", "changes?page=3");

        int changes = jdbc.sql("""
                select count(*) from agreement_status_change_aud h join agreement_status_change sc on sc.id = h.id
                where h.revtype = 0 and sc.status <> 'SUPERSEDED'""").query(Integer.class).single();
        int last = (changes + ChangesView.PAGE_SIZE - 1) / ChangesView.PAGE_SIZE;
        UI.getCurrent().navigate("changes", QueryParameters.of("page", String.valueOf(last)));
        assertThat(items()).hasSize(changes - (last - 1) * ChangesView.PAGE_SIZE);
        assertThat(links()).containsExactly("changes?page=" + (last - 1));
    }

    @Test
    void aChangeReadsInTheVisitorsLanguageAndAPageBeyondTheLastSaysThereIsNothing() {
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("changes", QueryParameters.of("page", "99999"));

        assertThat(_find(UnorderedList.class, spec -> spec.withId("changes"))).isEmpty();
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withText("尚无变更记录。"))).isNotNull();

        UI.getCurrent().navigate("changes", QueryParameters.of("page", "abc"));
        assertThat(items().getFirst().getElement().getTextRecursively()).contains("：").contains("起生效").contains("记录于");
    }

    private static List<ListItem> items() {
        return _get(UnorderedList.class, spec -> spec.withId("changes")).getChildren().map(ListItem.class::cast).toList();
    }

    private static List<String> links() {
        return _get(Nav.class, spec -> spec.withId("changes-pages")).getChildren().filter(Anchor.class::isInstance)
                .map(anchor -> ((Anchor) anchor).getHref()).toList();
    }
}
