package cn.gz.youcheng.registry.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.AdminTest;
import cn.gz.youcheng.KaribuTest;
import cn.gz.youcheng.registry.ExchangeKind;
import cn.gz.youcheng.registry.ExchangeTheme;
import cn.gz.youcheng.security.Role;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An officer recording what a partnership does, in the partner editor. */
@AdminTest
class ExchangeEditorTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signIn() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        login("exchange.officer", Role.EDITOR);
        UI.getCurrent().navigate("admin");
    }

    @Test
    void anOfficerAddsAnExchangeWithTheFormThenEditsAndDeletesIt() {
        long tampere = idOf("坦佩雷");
        _get(AgreementsView.class, spec -> { }).opened(tampere);
        _click(_get(Button.class, spec -> spec.withId("add-exchange")));
        ExchangeDialog dialog = _get(ExchangeDialog.class, spec -> { });
        assertThat(dialog.agreement.getValue()).as("the agreement in force, chosen for the officer").isPositive();
        _setValue(dialog.startsOn, LocalDate.of(2025, 10, 6));
        _setValue(dialog.kind, ExchangeKind.OUTGOING_DELEGATION);
        _setValue(dialog.themes, Set.of(ExchangeTheme.EDUCATION, ExchangeTheme.SCIENCE_TECHNOLOGY));
        _setValue(dialog.titleEn, "Guangzhou delegation to Tampere University");
        _setValue(dialog.participants, 8);
        _setValue(dialog.published, true);
        _click(dialog.save);

        assertThat(dialog.isOpened()).isFalse();
        long id = jdbc.sql("select id from exchange where partner_id = :id").param("id", tampere).query(Long.class).single();
        assertThat(_get(Div.class, spec -> spec.withId("exchange-" + id)).getElement().getTextRecursively())
                .startsWith("2025-10-06 · Outgoing delegation · Education, Science and technology · "
                        + "Guangzhou delegation to Tampere University");

        _click(_get(Button.class, spec -> spec.withId("edit-exchange-" + id)));
        ExchangeDialog edit = _get(ExchangeDialog.class, spec -> { });
        assertThat(edit.titleEn.getValue()).isEqualTo("Guangzhou delegation to Tampere University");
        _setValue(edit.endsOn, LocalDate.of(2025, 10, 1));
        _click(edit.save);
        assertThat(edit.isOpened()).as("ends before it starts").isTrue();
        assertThat(edit.endsOn.isInvalid()).isTrue();
        _setValue(edit.endsOn, LocalDate.of(2025, 10, 9));
        _setValue(edit.published, false);
        _click(edit.save);
        assertThat(_get(Div.class, spec -> spec.withId("exchange-" + id)).getElement().getTextRecursively())
                .startsWith("2025-10-06–2025-10-09 · ").contains("(internal)");

        _click(_get(Button.class, spec -> spec.withId("delete-exchange-" + id)));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> { }));
        assertThat(_find(Div.class, spec -> spec.withId("exchange-" + id))).isEmpty();
        assertThat(jdbc.sql("select count(*) from exchange where id = :id").param("id", id).query(Integer.class).single()).isZero();
    }

    @Test
    void anExchangeWithoutATitleOrThemeIsRefusedOnItsFields() {
        _get(AgreementsView.class, spec -> { }).opened(idOf("坦佩雷"));
        _click(_get(Button.class, spec -> spec.withId("add-exchange")));
        ExchangeDialog dialog = _get(ExchangeDialog.class, spec -> { });
        _setValue(dialog.startsOn, LocalDate.of(2025, 10, 6));
        _setValue(dialog.kind, ExchangeKind.EVENT);
        _click(dialog.save);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.titleZh.isInvalid()).isTrue();
        assertThat(dialog.titleZh.getErrorMessage()).isEqualTo("Give a title in Chinese, in English or in both");
        assertThat(dialog.themes.isInvalid()).isTrue();
    }

    private long idOf(String nameZh) {
        return jdbc.sql("select id from partner where name_zh = :name").param("name", nameZh).query(Long.class).single();
    }
}
