package cn.gz.youcheng.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.base.Message;
import cn.gz.youcheng.registry.RegistryValidationException.Problem;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The rules each request keeps on its own, as the service and the forms see them. */
@IntegrationTest
class CommandRulesTest {

    @Autowired
    CommandRules rules;
    @Autowired
    ValidatorFactory validation;
    @Autowired
    Clock clock;

    @Test
    void aRequestThatKeepsEveryRuleHasNoProblems() {
        assertThat(rules.problems(partner("特罗姆瑟", 69.65, 18.96, LocalDate.now(clock)))).isEmpty();
    }

    @Test
    void eachBrokenRuleNamesItsFieldAndItsMessageWithTheLimit() {
        assertThat(rules.problems(partner("特".repeat(RegistryCommands.NAME_ZH + 1), 91.0, null,
                LocalDate.now(clock).plusDays(1))))
                .containsExactly(
                        new Problem("latitude", Message.of("validation.latitude-range")),
                        new Problem("longitude", Message.of("validation.coordinates-together")),
                        new Problem("nameZh", Message.of("validation.too-long", RegistryCommands.NAME_ZH)),
                        new Problem("signedOn", Message.of("validation.date-in-future")));
        assertThat(rules.problems(new RegistryCommands.ChangeStatus(1, 0, AgreementStatus.SUSPENDED,
                LocalDate.now(clock), " \n ")))
                .containsExactly(new Problem("reason", Message.of("validation.required")));
    }

    @Test
    void todayForTheRulesIsGuangzhousTodayByTheApplicationsClock() {
        // Between 16:00 and 24:00 UTC, Guangzhou is already a day ahead of a server on UTC.
        assertThat(validation.getClockProvider().getClock()).isSameAs(clock);
    }

    private static RegistryCommands.AddPartner partner(String nameZh, Double latitude, Double longitude, LocalDate signedOn) {
        return new RegistryCommands.AddPartner(nameZh, "Tromsø", "NO", null, AdminLevel.CITY, latitude, longitude,
                AgreementKind.FRIENDLY_EXCHANGE, signedOn, null, "", null);
    }
}
