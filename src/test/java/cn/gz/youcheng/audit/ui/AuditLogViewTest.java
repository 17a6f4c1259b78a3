package cn.gz.youcheng.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.AdminTest;
import cn.gz.youcheng.KaribuTest;
import cn.gz.youcheng.audit.AuditLog;
import cn.gz.youcheng.security.Role;
import cn.gz.youcheng.security.UserService;
import cn.gz.youcheng.security.UserSummary;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AdminTest
class AuditLogViewTest extends KaribuTest {

    @Autowired
    UserService users;

    @Test
    void theSeedLoadIsInTheLogAttributedToSystemAndFiltersNarrowIt() {
        login("auditor", Role.EDITOR);
        UI.getCurrent().navigate("admin/audit");
        Grid<AuditLog.Entry> grid = grid();

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

    @Test
    void everyAccountChangeIsInTheLogWithWhoAndWhatButNoSecret() {
        login("audit.admin", Role.ADMIN);
        UserSummary user = users.create("audited.officer", "a secret never logged", Role.EDITOR);
        user = users.changeRole(user.id(), Role.ADMIN, user.version());
        user = users.setEnabled(user.id(), false, user.version());
        user = users.setEnabled(user.id(), true, user.version());
        user = users.resetPassword(user.id(), "another secret never logged", user.version());
        users.resetSecondFactor(user.id(), user.version());
        login("audited.officer", Role.ADMIN);
        users.signOutEverywhere();
        login("audit.admin", Role.ADMIN);
        UI.getCurrent().setLocale(Locale.ENGLISH);

        UI.getCurrent().navigate("admin/audit");
        _setValue(kind(), AuditLog.Kind.ACCOUNTS);

        Grid<AuditLog.Entry> grid = grid();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            String row = String.join(" | ", GridKt._getFormattedRow(grid, i));
            if (row.contains("audited.officer:")) {
                rows.add(row);
            }
        }
        assertThat(rows).hasSize(7);
        assertThat(String.join("\n", rows))
                .contains("audit.admin |  | audited.officer: account created (Editor)")
                .contains("audit.admin |  | audited.officer: role Editor → Administrator")
                .contains("audit.admin |  | audited.officer: disabled")
                .contains("audit.admin |  | audited.officer: enabled")
                .contains("audit.admin |  | audited.officer: password reset by an administrator")
                .contains("audit.admin |  | audited.officer: two-step verification reset")
                .contains("audited.officer |  | audited.officer: signed out everywhere")
                .contains(" UTC")
                .doesNotContain("never logged");
        assertThat(GridKt._findAll(grid)).allSatisfy(entry -> assertThat(entry.account()).isPresent());

        _setValue(kind(), AuditLog.Kind.REGISTRY);
        assertThat(GridKt._findAll(grid)).allSatisfy(entry -> assertThat(entry.account()).isEmpty());
    }

    @Test
    void editorsSeeTheRegistrysChangesButNotTheAccounts() {
        login("audit.admin", Role.ADMIN);
        users.create("watched.officer", "an account editors do not watch", Role.EDITOR);
        login("auditor", Role.EDITOR);

        UI.getCurrent().navigate("admin/audit");

        assertThat(_find(Select.class, spec -> spec.withId("audit-kind"))).isEmpty();
        Grid<AuditLog.Entry> grid = grid();
        assertThat(GridKt._findAll(grid)).isNotEmpty().allSatisfy(entry -> assertThat(entry.account()).isEmpty());
    }

    @Test
    void theDatePickersSpeakTheOfficersLanguage() {
        login("auditor", Role.EDITOR);
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);

        UI.getCurrent().navigate("admin/audit");

        DatePicker from = _get(DatePicker.class, spec -> spec.withId("audit-from"));
        assertThat(from.getI18n().getMonthNames()).startsWith("一月", "二月");
        assertThat(from.getI18n().getToday()).isEqualTo("今天");
        assertThat(from.getI18n().getFirstDayOfWeek()).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private static Grid<AuditLog.Entry> grid() {
        return _get(Grid.class, spec -> spec.withId("audit-grid"));
    }

    @SuppressWarnings("unchecked")
    private static Select<AuditLog.Kind> kind() {
        return _get(Select.class, spec -> spec.withId("audit-kind"));
    }
}
