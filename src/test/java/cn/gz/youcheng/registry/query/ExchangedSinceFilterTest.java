package cn.gz.youcheng.registry.query;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.ExchangeKind;
import cn.gz.youcheng.registry.ExchangeService;
import cn.gz.youcheng.registry.ExchangeTheme;
import cn.gz.youcheng.registry.RegistryCommands.SaveExchange;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

@IntegrationTest
class ExchangedSinceFilterTest {

    @Autowired
    DirectoryQueries queries;
    @Autowired
    ExchangeService exchanges;
    @Autowired
    JdbcClient jdbc;

    @Test
    void exchangedSinceSelectsPartnersWithAPublishedExchangeInOrAfterTheYearAndNoInternalOneCounts() {
        long recife = idOf("累西腓");
        long harare = idOf("哈拉雷");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "filter.officer", null, AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
        try {
            exchanges.save(exchange(recife, LocalDate.of(2031, 3, 3), true));
            exchanges.save(exchange(harare, LocalDate.of(2032, 5, 5), false));
        } finally {
            SecurityContextHolder.clearContext();
        }

        // Years after any other test's exchanges, so that the selection is these partners' alone.
        assertThat(ids(2031)).containsExactly(recife);
        assertThat(ids(2032)).as("an internal exchange does not count").isEmpty();
        DirectoryFilter parsed = DirectoryParameters.parse(Map.of("exchangedSince", List.of("2031")), Set.of(),
                queries.today()).filter();
        assertThat(parsed.exchangedSince()).isEqualTo(2031);
        assertThat(DirectoryParameters.querySuffix(parsed, queries.today())).isEqualTo("?exchangedSince=2031");
        assertThat(queries.count(parsed)).isEqualTo(1);
        assertThat(queries.totals(parsed).cities()).isEqualTo(1);
        assertThat(DirectoryParameters.parse(Map.of("exchangedSince", List.of("soon")), Set.of(), queries.today())
                .ignored()).extracting(DirectoryParameters.Ignored::parameter).containsExactly("exchangedSince");
    }

    private List<Long> ids(int year) {
        DirectoryFilter filter = new DirectoryFilter(null, null, Set.of(), Set.of(), null, null, AgreementStatus.ACTIVE,
                queries.today(), year);
        return queries.page(filter, List.of(), 0, 100).stream().map(PartnerRow::id).toList();
    }

    private static SaveExchange exchange(long partner, LocalDate day, boolean published) {
        return new SaveExchange(null, 0, partner, null, day, null, ExchangeKind.EVENT, Set.of(ExchangeTheme.CULTURE),
                "活动", null, null, null, null, null, null, null, published);
    }

    private long idOf(String nameZh) {
        return jdbc.sql("select id from partner where name_zh = :name").param("name", nameZh).query(Long.class).single();
    }
}
