package cn.gz.youcheng.registry;

import java.time.LocalDate;
import java.util.List;

/** A partner as the admin form edits it, with the versions that guard against lost updates. */
public record PartnerEditing(long id, long version, String nameZh, String nameEn, String countryIso2, String countryZh,
        String countryEn, AdminLevel adminLevel, Double latitude, Double longitude, List<AgreementEditing> agreements) {

    public record AgreementEditing(long id, long version, AgreementKind kind, LocalDate signedOn, String placeSigned,
            String source, String notes, AgreementStatus status, LocalDate latestChangeOn) {
    }

    /** An upgrade needs an active exchange memorandum and no active sister-city agreement. */
    public boolean canUpgrade() {
        return agreements.stream().anyMatch(a -> a.kind() == AgreementKind.FRIENDLY_EXCHANGE
                && a.status() == AgreementStatus.ACTIVE)
                && agreements.stream().noneMatch(a -> a.kind() == AgreementKind.SISTER_CITY
                && a.status() == AgreementStatus.ACTIVE);
    }
}
