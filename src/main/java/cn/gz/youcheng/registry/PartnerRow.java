package cn.gz.youcheng.registry;

import java.time.LocalDate;

/**
 * A partner as it appears in the public lists on a given date: which list, its sequence number (序) there,
 * and the signing date of the agreement that puts it there.
 */
public record PartnerRow(
        long id,
        PartnerList list,
        int seq,
        String nameZh,
        String nameEn,
        String countryIso2,
        String countryZh,
        String countryEn,
        Continent continent,
        AdminLevel adminLevel,
        LocalDate signedOn,
        Double latitude,
        Double longitude) {
}
