package cn.gz.youcheng.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.AdminTest;
import cn.gz.youcheng.KaribuTest;
import cn.gz.youcheng.audit.AuditLog;
import cn.gz.youcheng.security.Role;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;

@AdminTest
class AuditLogViewTest extends KaribuTest {

    @Test
    void theSeedLoadIsInTheLogAttributedToSystemAndFiltersNarrowIt() {
        login("auditor", Role.EDITOR);
        UI.getCurrent().navigate("admin/audit");
        @SuppressWarnings("unchecked")
        Grid<AuditLog.Entry> grid = _get(Grid.class, spec -> spec.withId("audit-grid"));

        @SuppressWarnings("unchecked")
        ComboBox<String> user = _get(ComboBox.class, spec -> spec.withId("audit-user"));
        _setValue(user, "system");
        AuditLog.Entry seed = GridKt._get(grid, GridKt._size(grid) - 1);
        assertThat(seed.username()).isEqualTo("system");
        assertThat(seed.comment()).isEqualTo("seed: seed/guangzhou-friendship-cities.txt");
        assertThat(seed.partnerCount()).isEqualTo(107);
        assertThat(seed.partners()).startsWith("福冈", "洛杉矶");

        _setValue(_get(TextField.class, spec -> spec.withId("audit-partner")), "Fukuoka");
        assertThat(GridKt._findAll(grid)).isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.username()).isEqualTo("system"));
    }
}
