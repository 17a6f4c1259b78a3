package cn.gz.youcheng.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gz.youcheng.AdminTest;
import cn.gz.youcheng.base.Text;
import cn.gz.youcheng.registry.RegistryCommands.AddPartner;
import cn.gz.youcheng.registry.RegistryCommands.ChangeStatus;
import cn.gz.youcheng.registry.importing.OfficialEntry;
import cn.gz.youcheng.registry.importing.OfficialList;
import cn.gz.youcheng.registry.importing.OfficialListWriter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** One text rule, kept by the services, by the database for any other path, and by the writers regardless. */
@AdminTest
class TextRuleTest {

    @Autowired
    RegistryService registry;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signIn() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "text.officer", null, AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theEditorsServiceRefusesLineBreaksAndControlCharactersFieldByField() {
        assertThatThrownBy(() -> registry.addPartner(partner("奥\n卢", "Oulu", "Oulu\u202E hall", "fine")))
                .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.problems())
                        .extracting(RegistryValidationException.Problem::field, problem -> problem.message().key())
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("nameZh", "validation.line-break"),
                                org.assertj.core.groups.Tuple.tuple("placeSigned", "validation.control-characters")));
        assertThat(count("partner where name_en = 'Oulu'")).isZero();
    }

    @Test
    void theEditorsServiceStoresTextTrimmedAndInNfcAndKeepsParagraphsWhereTheyBelong() {
        long id = registry.addPartner(partner("  波里\u3000", "Po\u0301ri ", " Pori ",
                "First line\r\nsecond line"));

        assertThat(jdbc.sql("select name_zh || '|' || name_en || '|' || place_signed || '|' || internal_note "
                        + "from partner p join agreement a on a.partner_id = p.id where p.id = :id")
                .param("id", id).query(String.class).single())
                .isEqualTo("波里|Póri|Pori|First line\nsecond line");
    }

    @Test
    void aReasonMayHoldParagraphsButNoControlCharacters() {
        long id = registry.addPartner(partner("于韦斯屈莱", "Jyväskylä", null, null));
        long agreement = jdbc.sql("select id from agreement where partner_id = :id").param("id", id).query(Long.class).single();

        assertThatThrownBy(() -> registry.changeStatus(new ChangeStatus(agreement, version(agreement),
                AgreementStatus.SUSPENDED, LocalDate.of(2026, 1, 5), "paused\u0000", null)))
                .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.problems())
                        .extracting(problem -> problem.message().key())
                        .containsExactly("validation.control-characters"));
        registry.changeStatus(new ChangeStatus(agreement, version(agreement), AgreementStatus.SUSPENDED,
                LocalDate.of(2026, 1, 5), "Paused at the partner's request.\nTalks resume in spring.", null));
        assertThat(jdbc.sql("select reason from agreement_status_change where agreement_id = :a and status = 'SUSPENDED'")
                .param("a", agreement).query(String.class).single()).contains("\n");
    }

    @Test
    void theDatabaseRefusesBrokenTextWrittenByAnyOtherPath() {
        long id = registry.addPartner(partner("罗瓦涅米", "Rovaniemi", null, null));

        for (String statement : List.of(
                "update partner set name_zh = E'罗瓦\\n涅米' where id = :id",
                "update partner set name_en = E'Rovaniemi\\t' where id = :id",
                "update partner set name_en = ' Rovaniemi' where id = :id",
                "update partner set name_en = 'Rovanie' || U&'\\202E' || 'mi' where id = :id",
                // "e" followed by a combining acute accent: the same text as "é", but not in NFC.
                "update partner set name_en = 'Rovaniem' || U&'\\0065\\0301' where id = :id",
                "update agreement set place_signed = E'Helsinki\\r\\n' where partner_id = :id",
                "update agreement set internal_note = E'a\\u0007b' where partner_id = :id")) {
            assertThatThrownBy(() -> jdbc.sql(statement).param("id", id).update()).as(statement)
                    .isInstanceOf(DataIntegrityViolationException.class);
        }
    }

    @Test
    void theOfficialTextWriterKeepsOneLinePerPartnerWhateverANameHolds() {
        OfficialList list = new OfficialList(
                List.of(new OfficialEntry(PartnerList.SISTER, 1, "福\n冈", "日\t本", LocalDate.of(1979, 5, 2))),
                List.of(new OfficialEntry(PartnerList.EXCHANGE, 1, "河内\u2028", "越南", LocalDate.of(2010, 1, 1))));

        String text = OfficialListWriter.write(list);

        assertThat(text).contains("\t福 冈\t日 本\t1979.05.02\n").contains("\t河内\t越南\t2010.01.01\n");
        assertThat(Text.oneLine("a\u0085b")).isEqualTo("a b");
    }

    private static AddPartner partner(String nameZh, String nameEn, String placeSigned, String internalNote) {
        return new AddPartner(nameZh, nameEn, "FI", Continent.EUROPE, AdminLevel.CITY, null, null,
                AgreementKind.FRIENDLY_EXCHANGE, LocalDate.of(2024, 4, 4), placeSigned, null, internalNote);
    }

    private long version(long agreement) {
        return jdbc.sql("select version from agreement where id = :id").param("id", agreement).query(Long.class).single();
    }

    private int count(String from) {
        return jdbc.sql("select count(*) from " + from).query(Integer.class).single();
    }
}
