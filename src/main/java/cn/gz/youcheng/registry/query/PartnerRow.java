package cn.gz.youcheng.registry.query;

import cn.gz.youcheng.registry.AdminLevel;
import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.Continent;
import cn.gz.youcheng.registry.PartnerList;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A partner as it stood on a given date: the list of the agreement that places it, that agreement's signing
 * date and status, and, while the agreement is active, its sequence number (序) in the list.
 */
public record PartnerRow(
        long id,
        PartnerList list,
        @Nullable Integer seq,
        String nameZh,
        String nameEn,
        String countryIso2,
        String countryZh,
        String countryEn,
        Continent continent,
        AdminLevel adminLevel,
        LocalDate signedOn,
        AgreementStatus status,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @Nullable Long geonamesId,
        @Nullable String wikidataQid) {

    /** The same row with its number in its list. */
    PartnerRow withSeq(@Nullable Integer number) {
        return new PartnerRow(id, list, number, nameZh, nameEn, countryIso2, countryZh, countryEn, continent, adminLevel,
                signedOn, status, latitude, longitude, geonamesId, wikidataQid);
    }
}
