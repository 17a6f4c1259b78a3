package cn.gz.youcheng.registry.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.AdminTest;
import cn.gz.youcheng.KaribuTest;
import cn.gz.youcheng.registry.query.Anniversaries;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.security.Role;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AdminTest
class AnniversariesAdminViewTest extends KaribuTest {

    @Autowired
    Anniversaries anniversaries;
    @Autowired
    DirectoryQueries queries;

    @Test
    void anOfficerSeesTheAnniversariesToPlanForAndOpensAPartnerFromOne() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        login("planning.officer", Role.EDITOR);
        UI.getCurrent().navigate("admin/anniversaries");

        AnniversariesAdminView view = _get(AnniversariesAdminView.class, spec -> { });
        var upcoming = anniversaries.nextTwelveMonths(queries.today());
        assertThat(GridKt._size(view.grid)).isEqualTo(upcoming.size()).isPositive();
        Anniversaries.Anniversary first = GridKt._get(view.grid, 0);
        assertThat(first).isEqualTo(upcoming.getFirst());

        view.grid.asSingleSelect().setValue(first);

        assertThat(_get(PartnerEditor.class, spec -> { }).nameZh.getValue()).isEqualTo(first.nameZh());
    }
}
