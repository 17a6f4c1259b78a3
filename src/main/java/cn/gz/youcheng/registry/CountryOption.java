package cn.gz.youcheng.registry;

/** A country as offered in filters and forms. */
public record CountryOption(String iso2, String nameZh, String nameEn, Continent continent) {
}
