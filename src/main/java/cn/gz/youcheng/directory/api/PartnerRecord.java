package cn.gz.youcheng.directory.api;

import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.registry.query.PartnerDetails;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Everything public about one partner: what its page shows, never an internal note. */
@Schema(description = "One partner with its agreements and their public status history")
record PartnerRecord(
        long id,
        String url,
        String nameZh,
        String nameEn,
        String countryIso2,
        String countryZh,
        String countryEn,
        String continent,
        String adminLevel,
        @Nullable Double lat,
        @Nullable Double lon,
        @Nullable Long geonamesId,
        @Nullable String wikidataQid,
        @Schema(description = "Where it stood on the date asked; null if no agreement was signed by then") @Nullable ListedPartner standing,
        List<AgreementRecord> agreements) {

    record AgreementRecord(long id, @Schema(allowableValues = {"sister-city", "friendly-exchange"}) String kind,
            LocalDate signedOn, @Nullable String placeSigned, @Nullable String source,
            @Schema(allowableValues = {"active", "suspended", "terminated", "superseded"}) String status,
            List<StatusStep> history) {
    }

    record StatusStep(String status, LocalDate effectiveOn, @Schema(description = "The published reason") @Nullable String reason) {
    }

    static PartnerRecord of(PartnerDetails partner, String partnerPages) {
        return new PartnerRecord(partner.id(), partnerPages + partner.id(), partner.nameZh(), partner.nameEn(),
                partner.countryIso2(), partner.countryZh(), partner.countryEn(), DirectoryParameters.name(partner.continent()),
                DirectoryParameters.name(partner.adminLevel()), partner.latitude(), partner.longitude(),
                partner.geonamesId(), partner.wikidataQid(),
                partner.standing() == null ? null : ListedPartner.of(partner.standing(), partnerPages),
                partner.agreements().stream().map(agreement -> new AgreementRecord(agreement.id(),
                        DirectoryParameters.name(agreement.kind()), agreement.signedOn(), agreement.placeSigned(),
                        agreement.source(), DirectoryParameters.name(agreement.status()),
                        agreement.history().stream().map(step -> new StatusStep(DirectoryParameters.name(step.status()),
                                step.effectiveOn(), step.reason())).toList())).toList());
    }
}
