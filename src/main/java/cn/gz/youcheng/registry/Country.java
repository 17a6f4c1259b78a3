package cn.gz.youcheng.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A country by ISO 3166-1 alpha-2 code, with the short Chinese name the office writes (印尼, 阿联酋 …). */
@Entity
public class Country {

    @Id
    @Pattern(regexp = "[A-Z]{2}")
    @Column(length = 2)
    private String iso2;

    @NotBlank
    @Size(max = 64)
    private String nameZh;

    @NotBlank
    @Size(max = 128)
    private String nameEn;

    @NotNull
    @Enumerated(EnumType.STRING)
    private Continent continent;

    @Version
    private long version;

    protected Country() {
    }

    public Country(String iso2, String nameZh, String nameEn, Continent continent) {
        this.iso2 = iso2;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.continent = continent;
    }

    public String getIso2() {
        return iso2;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public Continent getContinent() {
        return continent;
    }

    public long getVersion() {
        return version;
    }
}
