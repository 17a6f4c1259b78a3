package cn.gz.youcheng.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gz.youcheng.AdminTest;
import cn.gz.youcheng.audit.AuditLog;
import cn.gz.youcheng.registry.RegistryCommands.AddPartner;
import cn.gz.youcheng.registry.RegistryCommands.ChangeStatus;
import cn.gz.youcheng.registry.RegistryCommands.EditPartner;
import cn.gz.youcheng.registry.RegistryCommands.Upgrade;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.query.PartnerDetails;
import cn.gz.youcheng.registry.query.PartnerDetailsQueries;
import cn.gz.youcheng.registry.query.PartnerRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

@AdminTest
class RegistryServiceTest {

    @Autowired
    RegistryService registry;
    @Autowired
    DirectoryQueries queries;
    @Autowired
    PartnerDetailsQueries details;
    @Autowired
    PartnerHistory history;
    @Autowired
    AuditLog auditLog;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void writesNeedASignedInOfficer() {
        AddPartner command = newPartner("匿名市", "NO", LocalDate.of(2020, 1, 1));

        assertThatThrownBy(() -> registry.addPartner(command))
                .isInstanceOfAny(AuthenticationException.class, AccessDeniedException.class);
        signIn("visitor", "VISITOR");
        assertThatThrownBy(() -> registry.addPartner(command)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registry.changeStatus(new ChangeStatus(1, 0, AgreementStatus.SUSPENDED,
                LocalDate.of(2020, 1, 1), "x"))).isInstanceOf(AccessDeniedException.class);
        assertThat(count("partner where name_zh = '匿名市'")).isZero();
    }

    @Test
    void aPartnerIsAddedUpgradedSuspendedReinstatedAndEndedWithItsHistory() {
        signIn("li.na", "EDITOR");
        long id = registry.addPartner(newPartner("特罗姆瑟", "NO", LocalDate.of(2020, 3, 1)));
        assertThat(standing(id, LocalDate.of(2020, 3, 1))).hasValueSatisfying(row -> {
            assertThat(row.list()).isEqualTo(PartnerList.EXCHANGE);
            assertThat(row.countryZh()).isEqualTo("挪威");
            assertThat(row.continent()).isEqualTo(Continent.EUROPE);
        });

        signIn("wang.wei", "ADMIN");
        long sisterId = registry.upgrade(new Upgrade(id, version(id), LocalDate.of(2022, 5, 1), "特罗姆瑟", "MoU 2022"));

        assertThat(standing(id, LocalDate.of(2021, 12, 31)).orElseThrow().list()).isEqualTo(PartnerList.EXCHANGE);
        assertThat(standing(id, LocalDate.of(2022, 5, 1)).orElseThrow().list()).isEqualTo(PartnerList.SISTER);
        PartnerEditing upgraded = registry.partnerForEditing(id).orElseThrow();
        assertThat(upgraded.agreements()).extracting(PartnerEditing.AgreementEditing::kind,
                        PartnerEditing.AgreementEditing::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AgreementKind.FRIENDLY_EXCHANGE, AgreementStatus.SUPERSEDED),
                        org.assertj.core.groups.Tuple.tuple(AgreementKind.SISTER_CITY, AgreementStatus.ACTIVE));
        assertThat(jdbc.sql("select superseded_by_id from agreement where partner_id = :id and kind = 'FRIENDLY_EXCHANGE'")
                .param("id", id).query(Long.class).single()).isEqualTo(sisterId);

        registry.changeStatus(new ChangeStatus(sisterId, agreementVersion(sisterId), AgreementStatus.SUSPENDED,
                LocalDate.of(2023, 1, 10), "visits paused"));
        registry.changeStatus(new ChangeStatus(sisterId, agreementVersion(sisterId), AgreementStatus.ACTIVE,
                LocalDate.of(2023, 6, 1), "visits resumed"));
        registry.changeStatus(new ChangeStatus(sisterId, agreementVersion(sisterId), AgreementStatus.TERMINATED,
                LocalDate.of(2024, 2, 1), "ended by the city council"));

        assertThat(standing(id, LocalDate.of(2023, 3, 1)).orElseThrow().status()).isEqualTo(AgreementStatus.SUSPENDED);
        assertThat(standing(id, LocalDate.of(2023, 12, 31)).orElseThrow().seq()).isNotNull();
        assertThat(standing(id, LocalDate.of(2024, 2, 1)).orElseThrow().status()).isEqualTo(AgreementStatus.TERMINATED);
        assertThat(listed(LocalDate.of(2024, 2, 1))).noneMatch(row -> row.id() == id);

        List<PartnerHistory.Entry> entries = history.of(id);
        assertThat(entries).extracting(PartnerHistory.Entry::username).contains("li.na", "wang.wei");
        assertThat(entries.getFirst().changes()).contains(new PartnerHistory.FieldChange("status", "ACTIVE", "TERMINATED"));
        assertThat(entries.getLast().username()).isEqualTo("li.na");
    }

    @Test
    void upgradingHanoiMovesItToTheSisterCitiesAndTheAuditLogSaysWhoDidIt() {
        LocalDate today = queries.today();
        int sisterBefore = queries.totals(DirectoryFilter.official(today)).sisterCities();
        long hanoi = idOf("河内");
        signIn("zhao.min", "EDITOR");

        registry.upgrade(new Upgrade(hanoi, version(hanoi), LocalDate.of(2025, 4, 11), "广州", "Guangzhou FAO"));

        assertThat(queries.totals(DirectoryFilter.official(today)).sisterCities()).isEqualTo(sisterBefore + 1);
        // Numbered by signing date: after every sister city signed before it, whatever other tests added later.
        long signedBefore = listed(today).stream().filter(row -> row.list() == PartnerList.SISTER && row.id() != hanoi
                && !row.signedOn().isAfter(LocalDate.of(2025, 4, 11))).count();
        assertThat(standing(hanoi, today).orElseThrow().seq()).isEqualTo((int) signedBefore + 1);
        assertThat(auditLog.page(new AuditLog.Filter("zhao.min", null, null, "河内"), 0, 10))
                .singleElement().satisfies(entry -> assertThat(entry.partners()).containsExactly("河内"));
    }

    @Test
    void refusedChangesSaveNothing() {
        signIn("li.na", "EDITOR");
        int partners = count("partner");
        int revisions = count("revision");
        long fukuoka = idOf("福冈");

        assertProblems(() -> registry.addPartner(newPartner("福冈", "JP", LocalDate.of(2020, 1, 1))), "nameZh");
        assertProblems(() -> registry.addPartner(newPartner("未来市", "JP", queries.today().plusDays(1))), "signedOn");
        assertProblems(() -> registry.addPartner(new AddPartner("坐标市", "Coordinate City", "JP", null, AdminLevel.CITY,
                95.0, 10.0, AgreementKind.SISTER_CITY, LocalDate.of(2020, 1, 1), null, null, null)), "latitude");
        assertProblems(() -> registry.addPartner(new AddPartner("新国市", "New Country City", "IS", null, AdminLevel.CITY,
                null, null, AgreementKind.SISTER_CITY, LocalDate.of(2020, 1, 1), null, null, null)), "continent");
        assertProblems(() -> registry.upgrade(new Upgrade(fukuoka, version(fukuoka), LocalDate.of(2020, 1, 1), null, null)),
                "partner");
        assertProblems(() -> registry.editPartner(new EditPartner(fukuoka, version(fukuoka), " ", "Fukuoka",
                AdminLevel.CITY, 33.6, null, "12ab", "q42")), "nameZh", "longitude", "geonamesId", "wikidataQid");

        assertThat(count("partner")).isEqualTo(partners);
        assertThat(count("revision")).isEqualTo(revisions);
    }

    @Test
    void aSecondOfficerSavingAStaleCopyGetsAConflictAndTheFirstChangeIsKept() {
        long kingston = idOf("金斯敦");
        signIn("first.officer", "EDITOR");
        PartnerEditing seenByBoth = registry.partnerForEditing(kingston).orElseThrow();
        registry.editPartner(new EditPartner(kingston, seenByBoth.version(), "金斯敦", "Kingston, Jamaica",
                AdminLevel.CITY, seenByBoth.latitude(), seenByBoth.longitude(), String.valueOf(seenByBoth.geonamesId()),
                seenByBoth.wikidataQid()));

        signIn("second.officer", "EDITOR");
        assertThatThrownBy(() -> registry.editPartner(new EditPartner(kingston, seenByBoth.version(), "金斯敦",
                "Kingston (JM)", AdminLevel.CITY, seenByBoth.latitude(), seenByBoth.longitude(),
                String.valueOf(seenByBoth.geonamesId()), seenByBoth.wikidataQid())))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);

        assertThat(registry.partnerForEditing(kingston).orElseThrow().nameEn()).isEqualTo("Kingston, Jamaica");
        assertThat(history.of(kingston).getFirst().username()).isEqualTo("first.officer");
    }

    @Test
    void anOfficerGivesAPartnerItsWikidataItemAndCorrectsItsGeonamesIdAndTheHistorySaysWhoDidIt() {
        long bristol = idOf("布里斯托尔");
        signIn("identifying.officer", "EDITOR");
        PartnerEditing before = registry.partnerForEditing(bristol).orElseThrow();
        assertThat(before.geonamesId()).as("from the reference data at the seed load").isEqualTo(2654675L);
        assertThat(before.wikidataQid()).isNull();

        registry.editPartner(new EditPartner(bristol, before.version(), before.nameZh(), before.nameEn(),
                before.adminLevel(), before.latitude(), before.longitude(), " 3333134 ", " Q23154 "));

        PartnerEditing after = registry.partnerForEditing(bristol).orElseThrow();
        assertThat(after.geonamesId()).isEqualTo(3333134L);
        assertThat(after.wikidataQid()).as("stored without the spaces pasted around it").isEqualTo("Q23154");
        PartnerHistory.Entry latest = history.of(bristol).getFirst();
        assertThat(latest.username()).isEqualTo("identifying.officer");
        assertThat(latest.changes()).extracting(PartnerHistory.FieldChange::field, PartnerHistory.FieldChange::before,
                PartnerHistory.FieldChange::after).containsExactly(
                org.assertj.core.groups.Tuple.tuple("geonamesId", "2654675", "3333134"),
                org.assertj.core.groups.Tuple.tuple("wikidataQid", null, "Q23154"));

        registry.editPartner(new EditPartner(bristol, after.version(), after.nameZh(), after.nameEn(),
                after.adminLevel(), after.latitude(), after.longitude(), "", ""));
        PartnerEditing cleared = registry.partnerForEditing(bristol).orElseThrow();
        assertThat(cleared.geonamesId()).isNull();
        assertThat(cleared.wikidataQid()).isNull();
    }

    @Test
    void aWikidataItemBelongsToOnePartnerAndAMalformedIdentifierIsRefusedByItsField() {
        long birmingham = idOf("伯明翰");
        long edinburgh = idOf("爱丁堡");
        signIn("identifying.officer", "EDITOR");
        PartnerEditing first = registry.partnerForEditing(birmingham).orElseThrow();
        registry.editPartner(new EditPartner(birmingham, first.version(), first.nameZh(), first.nameEn(),
                first.adminLevel(), first.latitude(), first.longitude(), "2655603", "Q2256"));
        PartnerEditing other = registry.partnerForEditing(edinburgh).orElseThrow();
        long revisions = count("revision");

        assertProblems(() -> registry.editPartner(new EditPartner(edinburgh, other.version(), other.nameZh(),
                other.nameEn(), other.adminLevel(), other.latitude(), other.longitude(), "2650225", "Q2256")), "wikidataQid");
        for (String[] malformed : new String[][] {{"0", "Q1"}, {"-5", "Q1"}, {"2650225", "Q0"}, {"2650225", "Q01"},
                {"2650225", "P190"}, {"2650225", "https://www.wikidata.org/wiki/Q23436"}, {"1e6", "Q23436"}}) {
            assertThatThrownBy(() -> registry.editPartner(new EditPartner(edinburgh, other.version(), other.nameZh(),
                    other.nameEn(), other.adminLevel(), other.latitude(), other.longitude(), malformed[0], malformed[1])))
                    .as(String.join(" ", malformed)).isInstanceOf(RegistryValidationException.class);
        }
        assertThat(count("revision")).isEqualTo(revisions);
        assertThat(jdbc.sql("select count(*) from partner where wikidata_qid = 'Q2256'").query(Long.class).single())
                .isEqualTo(1);
    }

    private static void assertProblems(Runnable change, String... fields) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(RegistryValidationException.class,
                e -> assertThat(e.problems()).extracting(RegistryValidationException.Problem::field)
                        .containsExactlyInAnyOrder(fields));
    }

    private static AddPartner newPartner(String nameZh, String iso2, LocalDate signedOn) {
        return new AddPartner(nameZh, "Test " + nameZh, iso2, Continent.EUROPE, AdminLevel.CITY, 69.65, 18.96,
                AgreementKind.FRIENDLY_EXCHANGE, signedOn, "Guangzhou", "test", null);
    }

    private Optional<PartnerRow> standing(long id, LocalDate asOf) {
        return details.partner(id, asOf).map(PartnerDetails::standing);
    }

    private List<PartnerRow> listed(LocalDate asOf) {
        List<PartnerRow> rows = new ArrayList<>();
        queries.forEach(DirectoryFilter.official(asOf), rows::add);
        return rows;
    }

    private long idOf(String nameZh) {
        return jdbc.sql("select id from partner where name_zh = :name").param("name", nameZh).query(Long.class).single();
    }

    private long version(long partnerId) {
        return registry.partnerForEditing(partnerId).orElseThrow().version();
    }

    private long agreementVersion(long agreementId) {
        return jdbc.sql("select version from agreement where id = :id").param("id", agreementId).query(Long.class).single();
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private static void signIn(String username, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, AuthorityUtils.createAuthorityList("ROLE_" + role)));
    }
}
