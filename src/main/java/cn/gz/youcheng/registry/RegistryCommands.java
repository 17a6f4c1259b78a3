package cn.gz.youcheng.registry;

import java.time.LocalDate;

/** What an officer asks the registry to do; validated by {@link RegistryService}. */
public final class RegistryCommands {

    private RegistryCommands() {
    }

    /**
     * A new partner and its first agreement. {@code continent} is needed only when the country is new to the
     * registry.
     */
    public record AddPartner(String nameZh, String nameEn, String countryIso2, Continent continent,
            AdminLevel adminLevel, Double latitude, Double longitude, AgreementKind kind, LocalDate signedOn,
            String placeSigned, String source, String notes) {
    }

    public record EditPartner(long partnerId, long version, String nameZh, String nameEn, AdminLevel adminLevel,
            Double latitude, Double longitude) {
    }

    public record EditAgreement(long agreementId, long version, LocalDate signedOn, String placeSigned, String source,
            String notes) {
    }

    /** A sister-city agreement replacing the partner's active exchange memorandum. */
    public record Upgrade(long partnerId, long version, LocalDate signedOn, String placeSigned, String source) {
    }

    /** Suspend, terminate or reinstate an agreement from a date, for a reason. */
    public record ChangeStatus(long agreementId, long version, AgreementStatus status, LocalDate effectiveOn,
            String reason) {
    }
}
