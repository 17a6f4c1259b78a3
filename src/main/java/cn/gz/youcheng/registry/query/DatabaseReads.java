package cn.gz.youcheng.registry.query;

import cn.gz.youcheng.registry.Continent;
import cn.gz.youcheng.registry.CountryOption;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/** The shared reads as the database answers them, every time. */
final class DatabaseReads implements SharedReads {

    private final DirectoryDatabase database;

    DatabaseReads(DirectoryDatabase database) {
        this.database = database;
    }

    @Override
    public long registryVersion() {
        return database.run(DirectorySql.REGISTRY_VERSION).query(Long.class).single();
    }

    @Override
    public long[] orderedIds(DirectoryFilter filter, List<DirectorySort> sort) {
        return DirectorySql.ids(database.run(database.sqlFor(filter).orderedIds(sort))
                .query((rs, i) -> rs.getBytes(1))
                .single());
    }

    @Override
    public ListTotals totals(DirectoryFilter filter) {
        return database.run(database.sqlFor(filter).totals())
                .query((rs, i) -> new ListTotals(filter.asOf(), rs.getInt("sister"), rs.getInt("exchange"),
                        rs.getInt("countries")))
                .single();
    }

    @Override
    public Statistics statistics(DirectoryFilter filter, int topCountries) {
        DirectorySql sql = database.sqlFor(filter);
        List<Statistics.YearCount> perYear = database.run(sql.perYear())
                .query((rs, i) -> new Statistics.YearCount(rs.getInt("year"), rs.getInt("sister"), rs.getInt("exchange")))
                .list();
        List<Statistics.ContinentCount> perContinent = database.run(sql.perContinent())
                .query((rs, i) -> new Statistics.ContinentCount(Continent.valueOf(rs.getString("continent")),
                        rs.getInt("partners")))
                .list();
        List<Statistics.CountryCount> countries = database.run(sql.topCountries(topCountries))
                .query((rs, i) -> new Statistics.CountryCount(rs.getString("iso2"), rs.getString("name_zh"),
                        rs.getString("name_en"), rs.getInt("partners")))
                .list();
        // Shared by every visitor: nobody may change what another is shown.
        return new Statistics(List.copyOf(perYear), List.copyOf(perContinent), List.copyOf(countries));
    }

    @Override
    public ExchangeStatistics exchangeStatistics(DirectoryFilter filter, int top) {
        DirectorySql sql = database.sqlFor(filter);
        List<ExchangeStatistics.YearCount> byKind = database.run(sql.exchangesPerYearByKind())
                .query((rs, i) -> new ExchangeStatistics.YearCount(rs.getInt("year"), rs.getString("code"), rs.getInt("exchanges")))
                .list();
        List<ExchangeStatistics.YearCount> byTheme = database.run(sql.exchangesPerYearByTheme())
                .query((rs, i) -> new ExchangeStatistics.YearCount(rs.getInt("year"), rs.getString("code"), rs.getInt("exchanges")))
                .list();
        List<ExchangeStatistics.ActivePartner> mostActive = database.run(sql.mostActivePartners(top))
                .query((rs, i) -> new ExchangeStatistics.ActivePartner(rs.getLong("partner_id"), rs.getString("name_zh"),
                        rs.getString("name_en"), rs.getString("country_zh"), rs.getString("country_en"), rs.getInt("exchanges")))
                .list();
        return new ExchangeStatistics(List.copyOf(byKind), List.copyOf(byTheme), List.copyOf(mostActive));
    }

    @Override
    public List<CountryPoint> countryPoints(DirectoryFilter filter) {
        return List.copyOf(database.run(database.sqlFor(filter).countryPoints())
                .query((rs, i) -> new CountryPoint(rs.getString("iso2"), rs.getString("name_zh"),
                        rs.getString("name_en"), rs.getInt("partners"), rs.getDouble("latitude"), rs.getDouble("longitude")))
                .list());
    }

    @Override
    public ListNumbers listNumbers() {
        return ListNumbers.of(database.run(DirectorySql.DAY_COUNTS)
                .query((rs, i) -> new ListNumbers.DayCount(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getInt(3)))
                .list());
    }

    @Override
    public ListNumbers listNumbersOn(LocalDate asOf) {
        return ListNumbers.ofMonths(database.run(DirectorySql.monthCountsOn(asOf))
                .query((rs, i) -> new ListNumbers.DayCount(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getInt(3)))
                .list());
    }

    @Override
    public List<CountryOption> countries() {
        return List.copyOf(database.run(DirectorySql.COUNTRIES_WITH_PARTNERS)
                .query((rs, i) -> new CountryOption(rs.getString("iso2"), rs.getString("name_zh"),
                        rs.getString("name_en"), Continent.valueOf(rs.getString("continent"))))
                .list());
    }

    @Override
    public List<PartnerRow> officialPage(OfficialPage page, Function<ListNumbers, List<PartnerRow>> read) {
        return read.apply(listNumbers());
    }
}
