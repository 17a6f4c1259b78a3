package cn.gz.youcheng.directory.api;

import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.registry.query.PartnerRow;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A partner as it stood on the date asked: the fields of the downloads, with its id and page. */
@Schema(description = "A partner as it stood on the date asked, with the fields of /export/partners.json")
record ListedPartner(
        @Schema(description = "The partner's id for life, as in /partners/{id}", example = "1") long id,
        @Schema(description = "Its page", example = "https://example.org/partners/1") String url,
        @Schema(description = "The list of the agreement that places it", allowableValues = {"sister", "exchange"}) String list,
        @Schema(description = "序: its number in its list, while its agreement is active") @Nullable Integer seq,
        @Schema(example = "福冈") String nameZh,
        @Schema(example = "Fukuoka") String nameEn,
        @Schema(description = "ISO 3166-1 alpha-2", example = "JP") String countryIso2,
        @Schema(example = "日本") String countryZh,
        @Schema(example = "Japan") String countryEn,
        @Schema(allowableValues = {"africa", "asia", "europe", "north-america", "south-america", "oceania"}) String continent,
        @Schema(example = "city") String adminLevel,
        @Schema(description = "The day its agreement was signed") LocalDate signedOn,
        @Schema(allowableValues = {"active", "suspended", "terminated", "superseded"}) String status,
        @Schema(description = "Latitude (GeoNames, CC BY 4.0)") @Nullable Double lat,
        @Schema(description = "Longitude (GeoNames, CC BY 4.0)") @Nullable Double lon,
        @Schema(description = "The place's GeoNames id", example = "1863967") @Nullable Long geonamesId,
        @Schema(description = "The place's Wikidata item", example = "Q26600") @Nullable String wikidataQid) {

    static ListedPartner of(PartnerRow row, String partnerPages) {
        return new ListedPartner(row.id(), partnerPages + row.id(), DirectoryParameters.name(row.list()), row.seq(),
                row.nameZh(), row.nameEn(), row.countryIso2(), row.countryZh(), row.countryEn(),
                DirectoryParameters.name(row.continent()), DirectoryParameters.name(row.adminLevel()), row.signedOn(),
                DirectoryParameters.name(row.status()), row.latitude(), row.longitude(), row.geonamesId(), row.wikidataQid());
    }
}
