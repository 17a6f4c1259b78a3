package cn.gz.youcheng.registry;

import org.jspecify.annotations.Nullable;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A partner as the admin form edits it, with the versions that guard against lost updates.
 *
 * @param upgradable whether it has an active exchange memorandum and no sister-city agreement
 */
public record PartnerEditing(long id, long version, String nameZh, String nameEn, String countryIso2, String countryZh,
        String countryEn, AdminLevel adminLevel, @Nullable Double latitude, @Nullable Double longitude, @Nullable Long geonamesId, @Nullable String wikidataQid, boolean upgradable,
        List<AgreementEditing> agreements) {

    /** The agreement that puts the partner on a published list: there is at most one (V8). */
    public Optional<AgreementEditing> activeAgreement() {
        return agreements.stream().filter(agreement -> agreement.status() == AgreementStatus.ACTIVE).findFirst();
    }

    /** Place signed and source are published; the internal note is not. */
    public record AgreementEditing(long id, long version, AgreementKind kind, LocalDate signedOn, @Nullable String placeSigned,
            @Nullable String source, @Nullable String internalNote, AgreementStatus status, LocalDate latestChangeOn,
            List<StatusChangeEditing> history) {
    }

    /** One status change: its reason is published, its internal note is not. */
    public record StatusChangeEditing(AgreementStatus status, LocalDate effectiveOn, @Nullable String reason, @Nullable String internalNote) {
    }
}
