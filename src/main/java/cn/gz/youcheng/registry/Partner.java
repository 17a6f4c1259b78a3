package cn.gz.youcheng.registry;

import org.jspecify.annotations.Nullable;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/**
 * A foreign city or region in a relationship with Guangzhou. Identity is (Chinese name, country): 奥克兰 in
 * New Zealand and 奥克兰 in the United States are two partners.
 */
@Entity
@Audited
public class Partner {

    /** A Wikidata item id: Q and a number without leading zeros. */
    public static final String WIKIDATA_ITEM = "Q[1-9][0-9]{0,17}";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @SuppressWarnings("NullAway.Init") // given by the database when the row is first saved
    private Long id;

    @NotBlank
    private String nameZh;

    @NotBlank
    private String nameEn;

    // Countries are reference data; the audit trail records which country, not the country's own history.
    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "country_iso2")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    private Country country;

    @NotNull
    @Enumerated(EnumType.STRING)
    private AdminLevel adminLevel;

    @DecimalMin("-90") @DecimalMax("90")
    private @Nullable Double latitude;

    @DecimalMin("-180") @DecimalMax("180")
    private @Nullable Double longitude;

    private @Nullable String coordinateSource;

    /** The place's entry in GeoNames (geonames.org), where the coordinates of the official list came from. */
    @Positive
    private @Nullable Long geonamesId;

    /** The place's Wikidata item, for example Q26600 for Fukuoka. */
    @jakarta.validation.constraints.Pattern(regexp = WIKIDATA_ITEM)
    private @Nullable String wikidataQid;

    @Version
    private long version;

    @OneToMany(mappedBy = "partner", cascade = CascadeType.ALL)
    @OrderBy("signedOn, id")
    private List<Agreement> agreements = new ArrayList<>();

    protected Partner() {
    }

    public Partner(String nameZh, String nameEn, Country country, AdminLevel adminLevel) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.country = country;
        this.adminLevel = adminLevel;
    }

    /** Records a newly signed agreement with this partner; it is active from its signing date. */
    public Agreement sign(AgreementKind kind, LocalDate signedOn) {
        Agreement agreement = new Agreement(this, kind, signedOn);
        agreements.add(agreement);
        return agreement;
    }

    /**
     * The active exchange memorandum that an upgrade to sister city would supersede; empty if the partner
     * has none or is a sister city already.
     */
    public Optional<Agreement> upgradableMemorandum() {
        boolean sisterCity = agreements.stream()
                .anyMatch(a -> a.getKind() == AgreementKind.SISTER_CITY && a.getStatus() == AgreementStatus.ACTIVE);
        return sisterCity ? Optional.empty() : agreements.stream()
                .filter(a -> a.getKind() == AgreementKind.FRIENDLY_EXCHANGE && a.getStatus() == AgreementStatus.ACTIVE)
                .findFirst();
    }

    public void locate(@Nullable Double latitude, @Nullable Double longitude, @Nullable String source) {
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("latitude and longitude go together");
        }
        this.latitude = latitude;
        this.longitude = longitude;
        this.coordinateSource = latitude == null ? null : source;
    }

    /** Says which GeoNames entry and which Wikidata item are this place; either may be unknown. */
    public void identify(@Nullable Long geonamesId, @Nullable String wikidataQid) {
        this.geonamesId = geonamesId;
        this.wikidataQid = wikidataQid;
    }

    public @Nullable Long getGeonamesId() {
        return geonamesId;
    }

    public @Nullable String getWikidataQid() {
        return wikidataQid;
    }

    public Long getId() {
        return id;
    }

    public String getNameZh() {
        return nameZh;
    }

    public void setNameZh(String nameZh) {
        this.nameZh = nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public Country getCountry() {
        return country;
    }

    public void setCountry(Country country) {
        this.country = country;
    }

    public AdminLevel getAdminLevel() {
        return adminLevel;
    }

    public void setAdminLevel(AdminLevel adminLevel) {
        this.adminLevel = adminLevel;
    }

    public @Nullable Double getLatitude() {
        return latitude;
    }

    public @Nullable Double getLongitude() {
        return longitude;
    }

    public @Nullable String getCoordinateSource() {
        return coordinateSource;
    }

    public long getVersion() {
        return version;
    }

    public List<Agreement> getAgreements() {
        return Collections.unmodifiableList(agreements);
    }
}
