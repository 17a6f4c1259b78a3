package cn.gz.youcheng.registry.query;

/** A country's partners on a map, as one point: how many, and where they are on average. */
public record CountryPoint(String iso2, String nameZh, String nameEn, int partners, double latitude, double longitude) {
}
