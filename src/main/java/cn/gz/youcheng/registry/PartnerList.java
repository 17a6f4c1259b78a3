package cn.gz.youcheng.registry;

/**
 * The two public lists. A partner is in {@link #SISTER} if it has an active sister-city agreement, else in
 * {@link #EXCHANGE} if it has an active exchange agreement: derived, never stored.
 */
public enum PartnerList {
    SISTER(AgreementKind.SISTER_CITY, "友好城市"),
    EXCHANGE(AgreementKind.FRIENDLY_EXCHANGE, "友好合作交流城市");

    private final AgreementKind kind;
    private final String officialName;

    PartnerList(AgreementKind kind, String officialName) {
        this.kind = kind;
        this.officialName = officialName;
    }

    public AgreementKind kind() {
        return kind;
    }

    /** The list's name as the office publishes it. */
    public String officialName() {
        return officialName;
    }

    public static PartnerList of(AgreementKind kind) {
        return kind == AgreementKind.SISTER_CITY ? SISTER : EXCHANGE;
    }
}
