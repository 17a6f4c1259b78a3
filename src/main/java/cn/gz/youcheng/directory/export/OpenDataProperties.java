package cn.gz.youcheng.directory.export;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What every self-describing download says of who publishes the data and on what terms. Another city's
 * office sets its own.
 *
 * @param publisherZh the publisher's name in Chinese
 * @param publisherEn the publisher's name in English
 * @param licence the licence's address: CC BY 4.0 by default, the terms of the GeoNames coordinates in it
 */
@ConfigurationProperties("youcheng.open-data")
record OpenDataProperties(
        @DefaultValue("广州市人民政府外事办公室") String publisherZh,
        @DefaultValue("Foreign Affairs Office of Guangzhou Municipal People's Government") String publisherEn,
        @DefaultValue("https://creativecommons.org/licenses/by/4.0/") String licence) {
}
