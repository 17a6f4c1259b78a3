package cn.gz.youcheng.registry;

import org.jspecify.annotations.Nullable;
/** A country as offered in filters and forms. */
public record CountryOption(String iso2, String nameZh, String nameEn, @Nullable Continent continent) {
}
