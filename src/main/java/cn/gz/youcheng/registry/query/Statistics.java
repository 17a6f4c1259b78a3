package cn.gz.youcheng.registry.query;

import cn.gz.youcheng.registry.Continent;
import java.util.List;

/** Aggregates of the directory's rows for the same filter, counted in the database. */
public record Statistics(List<YearCount> perYear, List<ContinentCount> perContinent, List<CountryCount> topCountries) {

    /** Partners listed by the signing year of the agreement that places them, split by list. */
    public record YearCount(int year, int sisterCities, int exchangeCities) {
    }

    public record ContinentCount(Continent continent, int partners) {
    }

    public record CountryCount(String iso2, String nameZh, String nameEn, int partners) {
    }
}
