package cn.gz.youcheng.registry.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.registry.ExchangeKind;
import cn.gz.youcheng.registry.ExchangeService;
import cn.gz.youcheng.registry.ExchangeTheme;
import cn.gz.youcheng.registry.RegistryCommands.SaveExchange;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

@IntegrationTest
class DormancyTest {

    @Autowired
    Dormancy dormancy;
    @Autowired
    ExchangeService exchanges;
    @Autowired
    DirectoryQueries queries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    javax.sql.DataSource dataSource;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPartnerOfMoreThanThreeYearsWithoutAnExchangeInThemIsDormantAndAnyExchangeEvenInternalWakesIt() {
        long fukuoka = idOf("福冈");
        long bari = idOf("巴里");
        long sanFrancisco = idOf("旧金山");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "dormancy.officer", null, AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
        exchanges.save(new SaveExchange(null, 0, fukuoka, null, queries.today().minusYears(1), null, ExchangeKind.ONLINE_MEETING,
                Set.of(ExchangeTheme.GOVERNMENT), "内部视频会议", null, null, null, null, null, null, null, false));
        exchanges.save(new SaveExchange(null, 0, bari, null, queries.today().minusYears(4), null, ExchangeKind.EVENT,
                Set.of(ExchangeTheme.CULTURE), "四年前的活动", null, null, null, null, null, null, null, true));

        List<Long> dormant = dormancy.page(0, 10_000).stream().map(PartnerRow::id).toList();

        assertThat(dormancy.years()).isEqualTo(3);
        assertThat(dormant).as("an exchange four years ago is not in the last three").contains(bari)
                .as("an internal exchange last year is activity").doesNotContain(fukuoka)
                .as("signed in 2024: a partner for less than three years").doesNotContain(sanFrancisco);
        assertThat(dormancy.count()).isEqualTo(dormant.size());
        assertThat(dormancy.page(0, 5)).extracting(PartnerRow::id).containsExactlyElementsOf(dormant.subList(0, 5));
        assertThat(dormancy.page(0, 10_000)).allSatisfy(row -> assertThat(row.seq()).as("on the lists, numbered").isNotNull());
        assertThat(dormancy.dormantForThePublic(bari)).as("not shown to the public by default").isFalse();
        Dormancy toldPublicly = ReadModel.over(dataSource, java.time.Clock.system(cn.gz.youcheng.base.Guangzhou.ZONE)).dormancy();
        assertThat(toldPublicly.dormantForThePublic(bari)).as("where the office lets the public know").isTrue();
        assertThat(toldPublicly.dormantForThePublic(fukuoka)).isFalse();
        assertThat(toldPublicly.dormantForThePublic(sanFrancisco)).isFalse();
    }

    @Test
    void whoIsDormantIsForOfficers() {
        assertThatThrownBy(() -> dormancy.page(0, 10)).isInstanceOfAny(
                org.springframework.security.core.AuthenticationException.class,
                org.springframework.security.access.AccessDeniedException.class);
    }

    private long idOf(String nameZh) {
        return jdbc.sql("select id from partner where name_zh = :name").param("name", nameZh).query(Long.class).single();
    }
}
