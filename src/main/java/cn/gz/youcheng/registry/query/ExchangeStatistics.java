package cn.gz.youcheng.registry.query;

import java.util.List;

/**
 * The published exchanges of the partners a filter selects, counted in the database: per year by kind and by
 * theme (an exchange counts once for each of its themes), and the partners with the most.
 */
public record ExchangeStatistics(List<YearCount> perYearByKind, List<YearCount> perYearByTheme, List<ActivePartner> mostActive) {

    /** Exchanges starting in a year with a kind or theme (its code). */
    public record YearCount(int year, String code, int exchanges) {
    }

    public record ActivePartner(long id, String nameZh, String nameEn, String countryZh, String countryEn, int exchanges) {
    }

    public boolean isEmpty() {
        return perYearByKind.isEmpty();
    }
}
