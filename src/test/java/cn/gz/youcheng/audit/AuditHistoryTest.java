package cn.gz.youcheng.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.registry.AdminLevel;
import cn.gz.youcheng.registry.Partner;
import cn.gz.youcheng.registry.PartnerHistory;
import cn.gz.youcheng.registry.repository.CountryRepository;
import cn.gz.youcheng.registry.repository.PartnerRepository;
import java.time.Instant;
import java.util.List;
import org.hibernate.envers.RevisionType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** Envers writes at commit, so every step here commits in its own transaction. */
@IntegrationTest
class AuditHistoryTest {

    @Autowired
    PartnerHistory history;
    @Autowired
    PartnerRepository partners;
    @Autowired
    CountryRepository countries;
    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void creatingAndEditingAPartnerLeavesTwoRevisionsByWhoeverDidIt() {
        Instant before = Instant.now().minusSeconds(1);
        signIn("li.na");
        long id = transactions.execute(status -> partners.save(
                new Partner("历史测试市", "History Test City", countries.getReferenceById("JP"), AdminLevel.CITY)).getId());
        signIn("wang.wei");
        transactions.executeWithoutResult(status -> partners.findById(id).orElseThrow().setNameEn("History Test"));

        // The partner's history, oldest first.
        List<PartnerHistory.Entry> revisions = history.of(id).reversed();

        assertThat(revisions).extracting(PartnerHistory.Entry::username, PartnerHistory.Entry::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("li.na", RevisionType.ADD),
                        org.assertj.core.groups.Tuple.tuple("wang.wei", RevisionType.MOD));
        assertThat(revisions.get(0).revision()).isLessThan(revisions.get(1).revision());
        assertThat(revisions).allSatisfy(revision -> assertThat(revision.at()).isAfter(before));
        assertThat(revisions.get(1).changes())
                .containsExactly(new PartnerHistory.FieldChange("nameEn", "History Test City", "History Test"));
    }

    @Test
    void aRolledBackChangeLeavesNoRevision() {
        signIn("li.na");
        long id = transactions.execute(status -> partners.save(
                new Partner("回滚测试市", "Rollback Test City", countries.getReferenceById("JP"), AdminLevel.CITY)).getId());

        transactions.executeWithoutResult(status -> {
            partners.findById(id).orElseThrow().setNameEn("Never saved");
            status.setRollbackOnly();
        });

        assertThat(history.of(id)).hasSize(1);
    }

    private static void signIn(String username) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
    }
}
