package cn.gz.youcheng.registry.query;

import cn.gz.youcheng.registry.AdminLevel;
import cn.gz.youcheng.registry.AgreementKind;
import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.Continent;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Everything public about one partner: names, place, and every agreement with its status history. */
public record PartnerDetails(
        long id,
        String nameZh,
        String nameEn,
        String countryIso2,
        String countryZh,
        String countryEn,
        Continent continent,
        AdminLevel adminLevel,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @Nullable String coordinateSource,
        @Nullable Long geonamesId,
        @Nullable String wikidataQid,
        /* Null when the partner had no agreement signed by the date asked for. */
        @Nullable PartnerRow standing,
        List<AgreementDetails> agreements) {

    public record AgreementDetails(
            long id,
            AgreementKind kind,
            LocalDate signedOn,
            @Nullable String placeSigned,
            @Nullable String source,
            AgreementStatus status,
            List<StatusStep> history) {
    }

    public record StatusStep(AgreementStatus status, LocalDate effectiveOn, @Nullable String reason) {
    }
}
