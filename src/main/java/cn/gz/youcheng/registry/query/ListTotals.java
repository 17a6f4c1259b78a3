package cn.gz.youcheng.registry.query;

import java.time.LocalDate;

/** The totals the office publishes: 广州与 N 个国家的 M 个城市建立了友好关系, as of a date. */
public record ListTotals(LocalDate asOf, int sisterCities, int exchangeCities, int countries) {

    public int cities() {
        return sisterCities + exchangeCities;
    }
}
