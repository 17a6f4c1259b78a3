package cn.gz.youcheng.registry.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the registry judges a partnership's activity ({@code youcheng.exchanges.*}).
 *
 * @param dormantAfterYears a partner with no exchange in this many years is dormant
 * @param dormancyPublic whether its page says so to the public (off unless the office decides otherwise)
 */
@ConfigurationProperties("youcheng.exchanges")
public record ExchangeSettings(@DefaultValue("3") int dormantAfterYears, @DefaultValue("false") boolean dormancyPublic) {

    public ExchangeSettings {
        if (dormantAfterYears < 1) {
            throw new IllegalArgumentException("youcheng.exchanges.dormant-after-years must be at least 1");
        }
    }
}
