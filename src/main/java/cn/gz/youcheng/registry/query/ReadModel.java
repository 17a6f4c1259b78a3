package cn.gz.youcheng.registry.query;

import java.time.Clock;
import javax.sql.DataSource;

/**
 * The public read model over another data source, put together as the application's configuration does, for
 * tools that measure the statements it sends (the benchmark): the directory's and a partner page's reads.
 *
 * @param dormancy with the default years, telling the public as well (the worst case: it asks the database)
 */
public record ReadModel(DirectoryQueries directory, PartnerDetailsQueries details, PublicExchanges exchanges,
        PublicDocuments documents, Anniversaries anniversaries, Dormancy dormancy) {

    public static ReadModel over(DataSource dataSource, Clock clock) {
        DirectoryDatabase database = new DirectoryDatabase(dataSource, clock);
        SharedReads shared = CachedReads.over(new DatabaseReads(database));
        return new ReadModel(new DirectoryQueries(database, shared), new PartnerDetailsQueries(database, shared),
                new PublicExchanges(dataSource), new PublicDocuments(dataSource), new Anniversaries(dataSource),
                new Dormancy(database, shared, new ExchangeSettings(3, true)));
    }
}
