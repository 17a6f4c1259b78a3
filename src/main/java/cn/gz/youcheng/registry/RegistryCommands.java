package cn.gz.youcheng.registry;

import java.time.LocalDate;

/** What an officer asks the registry to do; validated by {@link RegistryService}. */
public final class RegistryCommands {

    private RegistryCommands() {
    }

    /**
     * A new partner and its first agreement. {@code continent} is needed only when the country is new to the
     * registry. Place signed and source are published; the internal note never is.
     */
    public record AddPartner(String nameZh, String nameEn, String countryIso2, Continent continent,
            AdminLevel adminLevel, Double latitude, Double longitude, AgreementKind kind, LocalDate signedOn,
            String placeSigned, String source, String internalNote) {
    }

    public record EditPartner(long partnerId, long version, String nameZh, String nameEn, AdminLevel adminLevel,
            Double latitude, Double longitude) {
    }

    public record EditAgreement(long agreementId, long version, LocalDate signedOn, String placeSigned, String source,
            String internalNote) {
    }

    /** A sister-city agreement replacing the partner's active exchange memorandum. */
    public record Upgrade(long partnerId, long version, LocalDate signedOn, String placeSigned, String source) {
    }

    /**
     * Suspend, terminate or reinstate an agreement from a date, for a reason (published) and with an internal
     * note (never published), if any.
     */
    public record ChangeStatus(long agreementId, long version, AgreementStatus status, LocalDate effectiveOn,
            String reason, String internalNote) {

        public ChangeStatus(long agreementId, long version, AgreementStatus status, LocalDate effectiveOn,
                String reason) {
            this(agreementId, version, status, effectiveOn, reason, null);
        }
    }
}
