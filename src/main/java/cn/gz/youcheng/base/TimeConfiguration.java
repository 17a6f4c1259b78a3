package cn.gz.youcheng.base;

import java.time.Clock;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    /** Signing dates and "as of" dates are Guangzhou's calendar days, wherever the server runs. */
    @Bean
    Clock clock() {
        return Clock.system(Guangzhou.ZONE);
    }

    /** "Not in the future" in validation means Guangzhou's today too, by the same clock. */
    @Bean
    ValidationConfigurationCustomizer validationClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }
}
