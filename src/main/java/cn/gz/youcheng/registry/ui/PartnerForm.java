package cn.gz.youcheng.registry.ui;

import cn.gz.youcheng.registry.AdminLevel;
import cn.gz.youcheng.registry.AgreementKind;
import cn.gz.youcheng.registry.Continent;
import cn.gz.youcheng.registry.CountryOption;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The fields of the partner forms, checked with bean validation as the officer types (public for the binder). */
public class PartnerForm {

    @NotBlank
    @Size(max = 100)
    private String nameZh = "";
    @NotBlank
    @Size(max = 200)
    private String nameEn = "";
    private CountryOption country;
    private Continent continent;
    @NotNull
    private AdminLevel adminLevel = AdminLevel.CITY;
    @DecimalMin("-90")
    @DecimalMax("90")
    private Double latitude;
    @DecimalMin("-180")
    @DecimalMax("180")
    private Double longitude;
    private AgreementKind kind = AgreementKind.FRIENDLY_EXCHANGE;
    @PastOrPresent
    private LocalDate signedOn;
    @Size(max = 200)
    private String placeSigned = "";
    @Size(max = 500)
    private String source = "";
    @Size(max = 2000)
    private String internalNote = "";

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

    public CountryOption getCountry() {
        return country;
    }

    public void setCountry(CountryOption country) {
        this.country = country;
    }

    public Continent getContinent() {
        return continent;
    }

    public void setContinent(Continent continent) {
        this.continent = continent;
    }

    public AdminLevel getAdminLevel() {
        return adminLevel;
    }

    public void setAdminLevel(AdminLevel adminLevel) {
        this.adminLevel = adminLevel;
    }

    public Double getLatitude() {
        return latitude;
    }

    public void setLatitude(Double latitude) {
        this.latitude = latitude;
    }

    public Double getLongitude() {
        return longitude;
    }

    public void setLongitude(Double longitude) {
        this.longitude = longitude;
    }

    public AgreementKind getKind() {
        return kind;
    }

    public void setKind(AgreementKind kind) {
        this.kind = kind;
    }

    public LocalDate getSignedOn() {
        return signedOn;
    }

    public void setSignedOn(LocalDate signedOn) {
        this.signedOn = signedOn;
    }

    public String getPlaceSigned() {
        return placeSigned;
    }

    public void setPlaceSigned(String placeSigned) {
        this.placeSigned = placeSigned;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getInternalNote() {
        return internalNote;
    }

    public void setInternalNote(String internalNote) {
        this.internalNote = internalNote;
    }
}
