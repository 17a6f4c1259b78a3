package cn.gz.youcheng.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gz.youcheng.AdminTest;
import cn.gz.youcheng.registry.RegistryCommands.AddPartner;
import cn.gz.youcheng.registry.RegistryCommands.ChangeStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** A partner has at most one active agreement, whatever two officers do at the same moment. */
@AdminTest
class OneActiveAgreementTest {

    @Autowired
    RegistryService registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void twoOfficersReinstatingTwoAgreementsOfOnePartnerAtOnceLeaveOneActive() throws Exception {
        for (int round = 0; round < 3; round++) {
            long[] agreements = partnerWithTwoEndedAgreements("双生市" + round);
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<String>> outcomes = new ArrayList<>();
            try {
                for (long agreement : agreements) {
                    long version = version(agreement);
                    outcomes.add(pool.submit(() -> reinstate(agreement, version, together)));
                }
                List<String> results = new ArrayList<>();
                for (Future<String> outcome : outcomes) {
                    results.add(outcome.get());
                }

                assertThat(results).as("round " + round).containsExactlyInAnyOrder("reinstated",
                        "validation.partner-already-active");
                assertThat(jdbc.sql("select count(*) from agreement where id in (:ids) and status = 'ACTIVE'")
                        .param("ids", List.of(agreements[0], agreements[1])).query(Integer.class).single()).isEqualTo(1);
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void theDatabaseRefusesASecondActiveAgreementWrittenByHand() {
        long[] agreements = partnerWithTwoEndedAgreements("手写市");

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> jdbc.sql(
                        "update agreement set status = 'ACTIVE' where id in (:ids)")
                .param("ids", List.of(agreements[0], agreements[1])).update()))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("agreement_one_active_per_partner");
    }

    private String reinstate(long agreement, long version, CyclicBarrier together) throws Exception {
        signIn();
        together.await();
        try {
            registry.changeStatus(new ChangeStatus(agreement, version, AgreementStatus.ACTIVE, LocalDate.of(2026, 6, 1),
                    "reinstated after talks"));
            return "reinstated";
        } catch (RegistryValidationException e) {
            return e.problems().get(0).message().key();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** A partner whose memorandum is suspended and whose second agreement (entered by hand) was ended. */
    private long[] partnerWithTwoEndedAgreements(String nameZh) {
        signIn();
        long partner = registry.addPartner(new AddPartner(nameZh, "Twin " + nameZh, "NO", Continent.EUROPE,
                AdminLevel.CITY, 60.0, 10.0, AgreementKind.FRIENDLY_EXCHANGE, LocalDate.of(2020, 3, 1), "Oslo", "test",
                null));
        long first = jdbc.sql("select id from agreement where partner_id = :p").param("p", partner).query(Long.class).single();
        registry.changeStatus(new ChangeStatus(first, version(first), AgreementStatus.SUSPENDED, LocalDate.of(2024, 1, 1),
                "paused"));
        long second = jdbc.sql("""
                        insert into agreement (partner_id, kind, signed_on, status) values (:p, 'SISTER_CITY', '2021-05-05', 'TERMINATED')
                        returning id
                        """)
                .param("p", partner).query(Long.class).single();
        jdbc.sql("""
                        insert into agreement_status_change (agreement_id, status, effective_on, reason)
                        values (:a, 'ACTIVE', '2021-05-05', null), (:a, 'TERMINATED', '2023-02-02', 'ended')
                        """)
                .param("a", second).update();
        SecurityContextHolder.clearContext();
        return new long[] {first, second};
    }

    private long version(long agreement) {
        return jdbc.sql("select version from agreement where id = :id").param("id", agreement).query(Long.class).single();
    }

    private static void signIn() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
    }
}
