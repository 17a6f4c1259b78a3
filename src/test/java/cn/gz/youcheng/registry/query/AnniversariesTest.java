package cn.gz.youcheng.registry.query;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.registry.AdminLevel;
import cn.gz.youcheng.registry.AgreementKind;
import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.Partner;
import cn.gz.youcheng.registry.repository.CountryRepository;
import cn.gz.youcheng.registry.repository.PartnerRepository;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AnniversariesTest {

    @Autowired
    Anniversaries anniversaries;
    @Autowired
    PartnerRepository partners;
    @Autowired
    CountryRepository countries;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void roundAnniversariesOfTheAgreementsInForceFallInTheirYearsSoonestFirst() {
        List<Anniversaries.Anniversary> in2029 = anniversaries.between(LocalDate.of(2029, 1, 1), LocalDate.of(2030, 1, 1));

        // Fukuoka, signed 2 May 1979: fifty years in 2029.
        assertThat(in2029).filteredOn(a -> a.nameZh().equals("福冈")).singleElement().satisfies(fukuoka -> {
            assertThat(fukuoka.years()).isEqualTo(50);
            assertThat(fukuoka.on()).isEqualTo(LocalDate.of(2029, 5, 2));
            assertThat(fukuoka.kind()).isEqualTo(AgreementKind.SISTER_CITY);
        });
        assertThat(in2029).allSatisfy(a -> {
            assertThat(a.years() % Anniversaries.ROUND).isZero();
            assertThat(a.on()).isEqualTo(a.signedOn().plusYears(a.years()));
        });
        assertThat(in2029).extracting(Anniversaries.Anniversary::on).isSorted();
        // Los Angeles, signed 1981: 48 years, not round.
        assertThat(in2029).noneMatch(a -> a.nameZh().equals("洛杉矶"));
        assertThat(anniversaries.nextTwelveMonths(LocalDate.of(2029, 5, 3))).noneMatch(a -> a.nameZh().equals("福冈"));
    }

    @Test
    void aLeapDayAgreementHasItsAnniversaryOnTheTwentyEighthAndASuspendedOneHasNone() {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            Partner leap = new Partner("闰日市", "Leap Town", countries.getReferenceById("FR"), AdminLevel.CITY);
            leap.sign(AgreementKind.FRIENDLY_EXCHANGE, LocalDate.of(2000, 2, 29));
            Partner paused = new Partner("暂停市", "Paused Town", countries.getReferenceById("FR"), AdminLevel.CITY);
            paused.sign(AgreementKind.FRIENDLY_EXCHANGE, LocalDate.of(2000, 3, 1))
                    .changeStatus(AgreementStatus.SUSPENDED, LocalDate.of(2010, 1, 1), "test");
            partners.saveAndFlush(leap);
            partners.saveAndFlush(paused);

            List<Anniversaries.Anniversary> spring2025 = anniversaries.between(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 4, 1));

            assertThat(spring2025).filteredOn(a -> a.nameZh().equals("闰日市")).singleElement()
                    .satisfies(a -> assertThat(a.on()).isEqualTo(LocalDate.of(2025, 2, 28)));
            assertThat(spring2025).noneMatch(a -> a.nameZh().equals("暂停市"));
            assertThat(anniversaries.between(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 4, 1)))
                    .filteredOn(a -> a.nameZh().equals("闰日市")).singleElement()
                    .satisfies(a -> assertThat(a.on()).as("in a leap year, the day itself").isEqualTo(LocalDate.of(2020, 2, 29)));
        });
    }
}
