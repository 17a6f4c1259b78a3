package cn.gz.youcheng.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.registry.RegistryCommands.SaveExchange;
import cn.gz.youcheng.registry.query.PublicExchanges;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

@IntegrationTest
class ExchangeServiceTest {

    @Autowired
    ExchangeService exchanges;
    @Autowired
    PublicExchanges publicExchanges;
    @Autowired
    PartnerHistory history;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anOfficerRecordsEditsAndDeletesAnExchangeAndTheHistorySaysWhoDidWhat() {
        long lyon = idOf("里昂");
        long agreement = jdbc.sql("select id from agreement where partner_id = :id").param("id", lyon).query(Long.class).single();
        signIn("exchange.officer");

        long id = exchanges.save(new SaveExchange(null, 0, lyon, agreement, LocalDate.of(2025, 12, 8), LocalDate.of(2025, 12, 11),
                ExchangeKind.INCOMING_DELEGATION, Set.of(ExchangeTheme.CULTURE, ExchangeTheme.TOURISM), " 里昂代表团访穗 ",
                "Lyon delegation visits Guangzhou", "灯光节合作。\n第二段。", null, "广州市外办", "Ville de Lyon", 12,
                "https://example.org/lyon-2025", true));

        ExchangeEditing saved = exchanges.exchangesForEditing(lyon).getFirst();
        assertThat(saved.id()).isEqualTo(id);
        assertThat(saved.titleZh()).as("kept by the text rule").isEqualTo("里昂代表团访穗");
        assertThat(saved.summaryZh()).isEqualTo("灯光节合作。\n第二段。");
        assertThat(saved.agreementId()).isEqualTo(agreement);
        assertThat(publicExchanges.ofPartner(lyon)).extracting(PublicExchanges.PublicExchange::id).containsExactly(id);

        exchanges.save(new SaveExchange(id, saved.version(), lyon, null, saved.startsOn(), saved.endsOn(), saved.kind(),
                Set.of(ExchangeTheme.CULTURE), saved.titleZh(), saved.titleEn(), saved.summaryZh(), null, saved.guangzhouUnit(),
                saved.partnerUnit(), 14, saved.sourceUrl(), true));
        assertThat(history.of(lyon).getFirst().changes()).extracting(PartnerHistory.FieldChange::field)
                .containsExactly("themes", "participants");
        assertThat(history.of(lyon).getFirst().subject()).isEqualTo("exchange:" + id);
        assertThat(history.of(lyon).getFirst().username()).isEqualTo("exchange.officer");

        assertThatThrownBy(() -> exchanges.delete(id, saved.version())).as("a stale copy")
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        exchanges.delete(id, exchanges.exchangesForEditing(lyon).getFirst().version());
        assertThat(exchanges.exchangesForEditing(lyon)).isEmpty();
        assertThat(history.of(lyon).getFirst().type()).isEqualTo(org.hibernate.envers.RevisionType.DEL);
    }

    @Test
    void aSecondOfficerSavingAStaleCopyOfAnExchangeIsRefusedAndTheFirstChangeIsKept() {
        long frankfurt = idOf("法兰克福");
        signIn("first.officer");
        long id = exchanges.save(exchange(frankfurt, "首次", true));
        ExchangeEditing seenByBoth = exchanges.exchangesForEditing(frankfurt).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
        exchanges.save(new SaveExchange(id, seenByBoth.version(), frankfurt, null, seenByBoth.startsOn(), null, seenByBoth.kind(),
                seenByBoth.themes(), "第一位的标题", null, null, null, null, null, null, null, true));

        signIn("second.officer");
        assertThatThrownBy(() -> exchanges.save(new SaveExchange(id, seenByBoth.version(), frankfurt, null, seenByBoth.startsOn(),
                null, seenByBoth.kind(), seenByBoth.themes(), "第二位的标题", null, null, null, null, null, null, null, true)))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);

        assertThat(jdbc.sql("select title_zh from exchange where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("第一位的标题");
    }

    @Test
    void anInternalExchangeIsNeverReadForThePublic() {
        long vilnius = idOf("维尔纽斯");
        signIn("exchange.officer");
        long internal = exchanges.save(exchange(vilnius, "内部磋商", false));
        long published = exchanges.save(exchange(vilnius, "公开活动", true));

        assertThat(publicExchanges.ofPartner(vilnius)).extracting(PublicExchanges.PublicExchange::id)
                .contains(published).doesNotContain(internal);
        List<Long> everyPublished = new java.util.ArrayList<>();
        publicExchanges.forEach(exchange -> everyPublished.add(exchange.id()));
        assertThat(everyPublished).contains(published).doesNotContain(internal);
    }

    @Test
    void anExchangeBreakingARuleSavesNothingAndSaysWhichFields() {
        long bari = idOf("巴里");
        long another = jdbc.sql("select id from agreement where partner_id = :id").param("id", idOf("里昂")).query(Long.class).single();
        signIn("exchange.officer");
        long revisions = count("revision");

        assertThatThrownBy(() -> exchanges.save(new SaveExchange(null, 0, bari, another, LocalDate.of(2025, 5, 5),
                LocalDate.of(2025, 5, 1), null, Set.of(), " ", null, null, null, null, null, -1, "ftp://x", true)))
                .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.problems())
                        .extracting(RegistryValidationException.Problem::field)
                        .containsExactlyInAnyOrder("agreementId", "endsOn", "kind", "themes", "titleZh", "participants",
                                "sourceUrl"));
        assertThat(count("revision")).isEqualTo(revisions);
        assertThat(count("exchange where partner_id = " + bari)).isZero();
    }

    @Test
    void onlyOfficersRecordExchanges() {
        long bari = idOf("巴里");
        assertThatThrownBy(() -> exchanges.save(exchange(bari, "匿名", true)))
                .isInstanceOfAny(org.springframework.security.core.AuthenticationException.class, AccessDeniedException.class);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "visitor", null, AuthorityUtils.createAuthorityList("ROLE_VISITOR")));
        assertThatThrownBy(() -> exchanges.save(exchange(bari, "匿名", true))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exchanges.exchangesForEditing(bari)).isInstanceOf(AccessDeniedException.class);
        assertThat(count("exchange where partner_id = " + bari)).isZero();
    }

    private static SaveExchange exchange(long partner, String titleZh, boolean published) {
        return new SaveExchange(null, 0, partner, null, LocalDate.of(2024, 6, 1), null, ExchangeKind.EVENT,
                Set.of(ExchangeTheme.EDUCATION), titleZh, null, null, null, null, null, null, null, published);
    }

    private long idOf(String nameZh) {
        return jdbc.sql("select id from partner where name_zh = :name").param("name", nameZh).query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static void signIn(String username) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
    }
}
