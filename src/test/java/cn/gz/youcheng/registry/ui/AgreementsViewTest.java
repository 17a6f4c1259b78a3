package cn.gz.youcheng.registry.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.AdminTest;
import cn.gz.youcheng.KaribuTest;
import cn.gz.youcheng.registry.AdminLevel;
import cn.gz.youcheng.registry.AgreementKind;
import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.PartnerEditing;
import cn.gz.youcheng.registry.PartnerHistory;
import cn.gz.youcheng.registry.RegistryCommands;
import cn.gz.youcheng.registry.RegistryService;
import cn.gz.youcheng.security.Role;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** An officer working through the admin screens, checked against the database and the audit trail. */
@AdminTest
class AgreementsViewTest extends KaribuTest {

    @Autowired
    RegistryService registry;
    @Autowired
    PartnerHistory history;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signIn() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        login("chen.jie", Role.EDITOR);
        UI.getCurrent().navigate("admin");
    }

    @Test
    void anOfficerAddsAPartnerWithTheForm() {
        _click(_get(Button.class, spec -> spec.withId("add-partner")));
        AddPartnerDialog dialog = _get(AddPartnerDialog.class, spec -> { });
        _setValue(dialog.nameZh, "卑尔根");
        _setValue(dialog.nameEn, "Bergen");
        _setValue(dialog.country, dialog.country.getListDataView().getItems()
                .filter(c -> c.iso2().equals("NO")).findFirst().orElseThrow());
        _setValue(dialog.continent, cn.gz.youcheng.registry.Continent.EUROPE);
        _setValue(dialog.adminLevel, AdminLevel.CITY);
        _setValue(dialog.kind, AgreementKind.FRIENDLY_EXCHANGE);
        _setValue(dialog.signedOn, LocalDate.of(2025, 6, 18));
        _setValue(dialog.latitude, 60.39);
        _setValue(dialog.longitude, 5.32);
        _setValue(dialog.placeSigned, "Bergen");
        _click(dialog.save);

        assertThat(jdbc.sql("""
                        select p.name_en || '|' || p.country_iso2 || '|' || c.name_zh || '|' || a.kind || '|' || a.signed_on
                        from partner p join country c on c.iso2 = p.country_iso2 join agreement a on a.partner_id = p.id
                        where p.name_zh = '卑尔根'""").query(String.class).single())
                .isEqualTo("Bergen|NO|挪威|FRIENDLY_EXCHANGE|2025-06-18");
        long id = idOf("卑尔根");
        assertThat(history.of(id)).extracting(PartnerHistory.Entry::username).containsOnly("chen.jie");
        assertThat(LocatorJ._find(PartnerEditor.class)).hasSize(1);
    }

    @Test
    void aPastedNameWithAnInvisibleControlCharacterIsRefusedOnItsFieldAndTheNoteIsMarkedInternal() {
        _click(_get(Button.class, spec -> spec.withId("add-partner")));
        AddPartnerDialog dialog = _get(AddPartnerDialog.class, spec -> { });
        // A right-to-left override pasted with the name would make it read backwards on screen.
        _setValue(dialog.nameZh, "特隆\u202E赫姆");
        _setValue(dialog.nameEn, "Trondheim");
        _setValue(dialog.country, dialog.country.getListDataView().getItems()
                .filter(c -> c.iso2().equals("NO")).findFirst().orElseThrow());
        _setValue(dialog.adminLevel, AdminLevel.CITY);
        _setValue(dialog.kind, AgreementKind.FRIENDLY_EXCHANGE);
        _setValue(dialog.signedOn, LocalDate.of(2025, 6, 19));
        assertThat(dialog.internalNote.getHelperText()).isEqualTo("For the office only: never published");
        assertThat(dialog.placeSigned.getHelperText()).startsWith("Published");

        _click(dialog.save);

        assertThat(dialog.nameZh.isInvalid()).isTrue();
        assertThat(dialog.nameZh.getErrorMessage()).startsWith("Contains invisible control characters");
        assertThat(jdbc.sql("select count(*) from partner where name_en = 'Trondheim'").query(Integer.class).single())
                .isZero();
    }

    @Test
    void theAdminGridFiltersByTextListAndStatus() {
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<cn.gz.youcheng.registry.query.PartnerRow> grid =
                _get(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("admin-grid"));
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<AgreementStatus> status =
                _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("admin-status"));

        _setValue(status, AgreementStatus.ACTIVE);
        _setValue(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("admin-search")), "japan");

        assertThat(com.github.mvysny.kaributesting.v10.GridKt._findAll(grid))
                .extracting(cn.gz.youcheng.registry.query.PartnerRow::countryIso2).containsOnly("JP").hasSize(3);
    }

    @Test
    void choosingARowOpensItsPartnersEditorAgainAndAgain() {
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<cn.gz.youcheng.registry.query.PartnerRow> grid =
                _get(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("admin-grid"));
        var fukuoka = com.github.mvysny.kaributesting.v10.GridKt._get(grid, 0);

        // What a click and the keyboard's Space on a row both do: choose it.
        grid.asSingleSelect().setValue(fukuoka);
        PartnerEditor editor = _get(PartnerEditor.class, spec -> { });
        assertThat(editor.nameZh.getValue()).isEqualTo("福冈");
        // Let go at once, so that the same row opens its editor the next time.
        assertThat(grid.asSingleSelect().getValue()).isNull();

        editor.close();
        grid.asSingleSelect().setValue(fukuoka);
        assertThat(LocatorJ._find(PartnerEditor.class)).hasSize(1);
    }

    @Test
    void aFormWithErrorsSavesNothing() {
        int partners = count();
        _click(_get(Button.class, spec -> spec.withId("add-partner")));
        AddPartnerDialog dialog = _get(AddPartnerDialog.class, spec -> { });
        _setValue(dialog.nameZh, "福冈");
        _setValue(dialog.nameEn, "Fukuoka again");
        _setValue(dialog.country, dialog.country.getListDataView().getItems()
                .filter(c -> c.iso2().equals("JP")).findFirst().orElseThrow());
        _setValue(dialog.kind, AgreementKind.SISTER_CITY);
        _setValue(dialog.signedOn, LocalDate.of(2020, 1, 1));
        _click(dialog.save);

        assertThat(dialog.nameZh.isInvalid()).isTrue();
        assertThat(dialog.nameZh.getErrorMessage()).isEqualTo("This country already has a partner of that Chinese name");
        assertThat(dialog.isOpened()).isTrue();

        _setValue(dialog.nameZh, "");
        _click(dialog.save);
        assertThat(dialog.nameZh.isInvalid()).isTrue();
        assertThat(count()).isEqualTo(partners);
    }

    @Test
    void validationMessagesAreInTheOfficersLanguage() {
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        _click(_get(Button.class, spec -> spec.withId("add-partner")));
        AddPartnerDialog dialog = _get(AddPartnerDialog.class, spec -> { });

        _click(dialog.save);

        assertThat(dialog.nameZh.isInvalid()).isTrue();
        // One set of messages, the service's, for every field.
        assertThat(dialog.nameZh.getErrorMessage()).isEqualTo("必填");
        assertThat(dialog.country.getErrorMessage()).isEqualTo("必填");
        assertThat(dialog.signedOn.getErrorMessage()).isEqualTo("必填");
    }

    @Test
    void anOfficerUpgradesAnExchangePartnerInTheEditor() {
        long chiangMai = idOf("清迈府");
        PartnerEditor editor = open(chiangMai);

        _click(editor.upgrade);
        UpgradeDialog upgrade = _get(UpgradeDialog.class, spec -> { });
        _setValue(upgrade.signedOn, LocalDate.of(2025, 3, 31));
        _setValue(upgrade.placeSigned, "清迈");
        _click(upgrade.confirm);

        assertThat(kinds(chiangMai)).containsExactly("FRIENDLY_EXCHANGE:SUPERSEDED", "SISTER_CITY:ACTIVE");
        assertThat(editor.upgrade.isEnabled()).isFalse();
        assertThat(history.of(chiangMai).getFirst().username()).isEqualTo("chen.jie");
    }

    @Test
    void anOfficerSuspendsEndsAndReinstatesAnAgreement() {
        long attapeu = idOf("阿速坡省");
        long agreement = jdbc.sql("select id from agreement where partner_id = :id").param("id", attapeu)
                .query(Long.class).single();
        open(attapeu);

        changeStatus("suspend-" + agreement, LocalDate.of(2024, 5, 1), "review");
        assertThat(kinds(attapeu)).containsExactly("FRIENDLY_EXCHANGE:SUSPENDED");
        changeStatus("terminate-" + agreement, LocalDate.of(2024, 9, 1), "ended");
        assertThat(kinds(attapeu)).containsExactly("FRIENDLY_EXCHANGE:TERMINATED");
        changeStatus("reinstate-" + agreement, LocalDate.of(2025, 1, 15), "renewed");
        assertThat(kinds(attapeu)).containsExactly("FRIENDLY_EXCHANGE:ACTIVE");

        assertThat(jdbc.sql("select string_agg(status || '@' || effective_on, ' ' order by effective_on) "
                        + "from agreement_status_change where agreement_id = :id").param("id", agreement)
                .query(String.class).single())
                .isEqualTo("ACTIVE@2023-12-08 SUSPENDED@2024-05-01 TERMINATED@2024-09-01 ACTIVE@2025-01-15");
    }

    @Test
    void aSecondOfficerEditingAtTheSameTimeIsToldAndTheFirstChangeIsKept() {
        long limassol = idOf("利马索");
        PartnerEditor editor = open(limassol);
        // Meanwhile another officer saves the same partner.
        var mine = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "other.officer", null, AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
        PartnerEditing current = registry.partnerForEditing(limassol).orElseThrow();
        registry.editPartner(new RegistryCommands.EditPartner(limassol, current.version(), "利马索", "Limassol (CY)",
                current.adminLevel(), current.latitude(), current.longitude(), String.valueOf(current.geonamesId()),
                current.wikidataQid()));
        SecurityContextHolder.getContext().setAuthentication(mine);

        _setValue(editor.nameEn, "Lemesos");
        _click(_get(Button.class, spec -> spec.withId("edit-save")));

        assertThat(_get(ConfirmDialog.class, spec -> spec.withId("conflict")).isOpened()).isTrue();
        assertThat(jdbc.sql("select name_en from partner where id = :id").param("id", limassol)
                .query(String.class).single()).isEqualTo("Limassol (CY)");
    }

    @Test
    void anOfficerEntersAPartnersWikidataItemInTheEditorAndAMistypedOneIsShownOnItsField() {
        long praia = idOf("普拉亚");
        PartnerEditor editor = open(praia);
        assertThat(editor.geonamesId.getValue()).isEqualTo("3374333");
        assertThat(editor.wikidataQid.getValue()).isEmpty();

        _setValue(editor.wikidataQid, "W3751");
        _click(_get(Button.class, spec -> spec.withId("edit-save")));
        assertThat(editor.wikidataQid.isInvalid()).isTrue();
        assertThat(editor.wikidataQid.getErrorMessage()).isEqualTo("Q followed by digits, as in Q26600");

        _setValue(editor.wikidataQid, "Q3751");
        _click(_get(Button.class, spec -> spec.withId("edit-save")));
        assertThat(editor.wikidataQid.isInvalid()).isFalse();
        assertThat(jdbc.sql("select wikidata_qid from partner where id = :id").param("id", praia)
                .query(String.class).single()).isEqualTo("Q3751");
        assertThat(editor.wikidataQid.getValue()).isEqualTo("Q3751");
    }

    @Test
    void theOfficerSeesHowManyPartnersAreDormantAndListsThem() {
        AgreementsView view = _get(AgreementsView.class, spec -> { });
        java.time.LocalDate today = java.time.LocalDate.now(cn.gz.youcheng.base.Guangzhou.ZONE);
        int dormant = jdbc.sql("""
                select count(*) from partner_standing s where s.status = 'ACTIVE'
                  and (select min(signed_on) from agreement a where a.partner_id = s.partner_id) <= :since
                  and not exists (select 1 from exchange e where e.partner_id = s.partner_id
                                  and e.starts_on >= :since and e.starts_on <= :today)""")
                .param("since", today.minusYears(3)).param("today", today).query(Integer.class).single();
        assertThat(view.dormantCount.getText()).startsWith(dormant + " partners on the lists are dormant");

        _setValue(view.dormantOnly, true);

        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<cn.gz.youcheng.registry.query.PartnerRow> grid =
                _get(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("admin-grid"));
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(grid)).isEqualTo(dormant);
    }

    private PartnerEditor open(long partnerId) {
        _get(AgreementsView.class, spec -> { }).opened(partnerId);
        return _get(PartnerEditor.class, spec -> { });
    }

    private void changeStatus(String buttonId, LocalDate date, String reason) {
        _click(_get(Button.class, spec -> spec.withId(buttonId)));
        StatusDialog dialog = _get(StatusDialog.class, spec -> { });
        _setValue(dialog.effectiveOn, date);
        _setValue(dialog.reason, reason);
        _click(dialog.confirm);
        assertThat(dialog.isOpened()).isFalse();
    }

    private java.util.List<String> kinds(long partnerId) {
        return jdbc.sql("select kind || ':' || status from agreement where partner_id = :id order by signed_on, id")
                .param("id", partnerId).query(String.class).list();
    }

    private long idOf(String nameZh) {
        return jdbc.sql("select id from partner where name_zh = :name").param("name", nameZh).query(Long.class).single();
    }

    private int count() {
        return jdbc.sql("select count(*) from partner").query(Integer.class).single();
    }
}
