package cn.gz.youcheng.registry;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Set;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

/**
 * 交流活动: something a partnership did on a day or over days: a delegation either way, an event, a joint
 * project, a renewal or anniversary, a gift, an online meeting. With a partner, and under one of its
 * agreements if it belongs to one. Published on the partner page, or kept in the office.
 */
@Entity
@Audited
public class Exchange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @SuppressWarnings("NullAway.Init") // given by the database when the row is first saved
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "partner_id")
    private Partner partner;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "agreement_id")
    private @Nullable Agreement agreement;

    private LocalDate startsOn;
    private @Nullable LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    private ExchangeKind kind;

    @Convert(converter = ThemeCodes.class)
    private Set<ExchangeTheme> themes;

    private @Nullable String titleZh;
    private @Nullable String titleEn;
    private @Nullable String summaryZh;
    private @Nullable String summaryEn;
    private @Nullable String guangzhouUnit;
    private @Nullable String partnerUnit;
    private @Nullable Integer participants;
    private @Nullable String sourceUrl;
    private boolean published;

    @Version
    private long version;

    @SuppressWarnings("NullAway.Init") // for JPA
    protected Exchange() {
    }

    public Exchange(Partner partner) {
        this.partner = partner;
        this.startsOn = LocalDate.EPOCH;
        this.kind = ExchangeKind.OTHER;
        this.themes = Set.of(ExchangeTheme.OTHER);
    }

    /** Everything an officer enters, at once: the service has checked it against the rules. */
    public void describe(@Nullable Agreement agreement, LocalDate startsOn, @Nullable LocalDate endsOn, ExchangeKind kind,
            Set<ExchangeTheme> themes, @Nullable String titleZh, @Nullable String titleEn, @Nullable String summaryZh,
            @Nullable String summaryEn, @Nullable String guangzhouUnit, @Nullable String partnerUnit,
            @Nullable Integer participants, @Nullable String sourceUrl, boolean published) {
        this.agreement = agreement;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.kind = kind;
        // A copy that cannot change behind Hibernate's back: a new set is a change, the same set is none.
        this.themes = Set.copyOf(themes);
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.summaryZh = summaryZh;
        this.summaryEn = summaryEn;
        this.guangzhouUnit = guangzhouUnit;
        this.partnerUnit = partnerUnit;
        this.participants = participants;
        this.sourceUrl = sourceUrl;
        this.published = published;
    }

    public Long getId() {
        return id;
    }

    public Partner getPartner() {
        return partner;
    }

    public @Nullable Agreement getAgreement() {
        return agreement;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public @Nullable LocalDate getEndsOn() {
        return endsOn;
    }

    public ExchangeKind getKind() {
        return kind;
    }

    public Set<ExchangeTheme> getThemes() {
        return themes;
    }

    public @Nullable String getTitleZh() {
        return titleZh;
    }

    public @Nullable String getTitleEn() {
        return titleEn;
    }

    public @Nullable String getSummaryZh() {
        return summaryZh;
    }

    public @Nullable String getSummaryEn() {
        return summaryEn;
    }

    public @Nullable String getGuangzhouUnit() {
        return guangzhouUnit;
    }

    public @Nullable String getPartnerUnit() {
        return partnerUnit;
    }

    public @Nullable Integer getParticipants() {
        return participants;
    }

    public @Nullable String getSourceUrl() {
        return sourceUrl;
    }

    public boolean isPublished() {
        return published;
    }

    public long getVersion() {
        return version;
    }

    /** The themes as one column: their codes separated by spaces, in a fixed order. */
    @Converter
    static class ThemeCodes implements AttributeConverter<Set<ExchangeTheme>, String> {

        @Override
        public String convertToDatabaseColumn(Set<ExchangeTheme> themes) {
            return ExchangeTheme.codes(themes);
        }

        @Override
        public Set<ExchangeTheme> convertToEntityAttribute(String codes) {
            return Set.copyOf(ExchangeTheme.of(codes));
        }
    }
}
