package cn.gz.youcheng.base;

import java.time.ZoneId;

/**
 * Guangzhou's time zone, the one zone of the registry: signing and status dates are Guangzhou's calendar days
 * and times are shown in Guangzhou's time (beside UTC), wherever the server runs. Today's date comes from the
 * {@link java.time.Clock} bean, which tests can fix.
 */
public final class Guangzhou {

    /** For annotations, which need a constant: {@code @Scheduled(zone = Guangzhou.ZONE_ID)}. */
    public static final String ZONE_ID = "Asia/Shanghai";
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    /** Guangzhou's item in Wikidata, the subject of its twinnings (property P190) there. */
    public static final String WIKIDATA_ITEM = "Q16572";

    private Guangzhou() {
    }
}
